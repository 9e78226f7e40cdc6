;; The indicator table's two passes over its cells (totals.ts, cellPass.ts), a block of rows at a time, two
;; categories at a time in WebAssembly SIMD (f64x2). Scalar JavaScript spent 30–70 instructions a
;; cell (bounds checks, flag conversions, the table's loads); here a pair of cells takes about as
;; many as one did. Every result is the double the rules' arithmetic gives: f64x2 division,
;; multiplication and comparison are IEEE-754 per lane, and the sums that run along a row (E(r),
;; D(r)) are added lane by lane in category order, as a scalar loop adds them.
;;
;; Layout (byte addresses; W = a padded row's bytes = nCp · 8, nCp even; fields of the per-category
;; tables at field · W):
;;   a block's matrices row-major with stride nCp (a padding cell is 0: it competes nowhere);
;;   counts are i64 lanes, decremented by comparison masks (a true lane is −1).
;; In the first pass, a pair with a value inside a bracket (under cmp a third of the pairs) is
;; listed without a branch — its offset and which values are inside, written at the row's list's
;; end, which advances by whether any is — and after the row the listed pairs alone are visited,
;; one write per value inside, at its bucket's end. A branch per pair on "some value inside" was
;; mispredicted so often that it cost the pass 40% of its time; writing every slot's entry
;; unconditionally cost more still. A bucket's length carries over from block to block: the caller
;; empties it before a block could overflow it, so that a bucket is handed on a few times a
;; computation, not once a block. $hits: 96 bytes where a listed pair's values are laid out by bit,
;; then the row's list. The cell pass then judges every cell against exact thresholds.
(module
  (memory (export "memory") 1)

  ;; First pass. tab fields (f64): 0 in LQ denominator (1/0), 1–2 size bracket, 3–4 focus bracket,
  ;; 5–6 employment P25 bracket, 7–8 establishments P25 bracket (counted when $floors; NaN
  ;; brackets: the slot is off), 9–10 and 11–12 the LQ brackets, on e / D(r) (the first $lqSlots).
  ;; acc fields: 0 Σ_r E(r,c) (f64); i64 counts 1 competing, 2 below size, 3 below focus,
  ;; 4 below employment P25, 5 establishments competing, 6 below establishments P25, 7 the cells
  ;; whose LQ is defined (D(r) > 0), 8 and 9 below the LQ brackets.
  ;; rowOut: E(r) per row, then D(r) per row. The values inside a bracket go to the buckets
  ;; ($bucketAt: slot-major, category, then $cap doubles apart; $lengthAt: their lengths), in row
  ;; order: slots 0 size (e), 1 focus (e / E(r)), 2 employment P25 (e), 3 establishments P25 (m),
  ;; 4 and 5 the LQ brackets (e and D(r), two doubles a cell).
  (func (export "firstPass")
    (param $val i32) (param $emp i32) (param $est i32) (param $nRows i32) (param $nCp i32)
    (param $tab i32) (param $acc i32) (param $rowOut i32) (param $bucketAt i32) (param $lengthAt i32) (param $cap i32) (param $mOn i32) (param $floors i32) (param $lqSlots i32) (param $hits i32)
    (local $W i32) (local $r i32) (local $c i32) (local $p i32) (local $t i32) (local $a i32) (local $bits i32) (local $h i32) (local $j i32) (local $k i32)
    (local $sc i32) (local $at i32) (local $len i32)
    (local $rowSum f64) (local $rowDen f64)
    (local $v v128) (local $w v128) (local $wd v128) (local $s v128) (local $e v128) (local $keep v128)
    (local $f v128) (local $m v128) (local $mOnV v128) (local $x v128)
    (local $ds v128) (local $rowLqV v128) (local $keepL v128) (local $q v128) (local $al i32) (local $b2 i32)
    (local $W7 i32) (local $W9 i32) (local $W10 i32) (local $W11 i32) (local $W12 i32)
    (local.set $W (i32.shl (local.get $nCp) (i32.const 3)))
    (local.set $W7 (i32.mul (local.get $W) (i32.const 7)))
    (local.set $W9 (i32.mul (local.get $W) (i32.const 9)))
    (local.set $W10 (i32.mul (local.get $W) (i32.const 10)))
    (local.set $W11 (i32.mul (local.get $W) (i32.const 11)))
    (local.set $W12 (i32.mul (local.get $W) (i32.const 12)))
    (local.set $mOnV (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (local.get $mOn)))))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $nRows)))
        ;; The row's totals, in category order.
        (local.set $rowSum (f64.const 0))
        (local.set $rowDen (f64.const 0))
        (local.set $c (i32.const 0))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.ge_u (local.get $c) (local.get $W)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $v (v128.load (i32.add (local.get $val) (local.get $p))))
            ;; Not reported (NaN) adds nothing.
            (local.set $w (v128.and (local.get $v) (f64x2.eq (local.get $v) (local.get $v))))
            (local.set $a (i32.add (local.get $acc) (local.get $c)))
            (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $w)))
            (local.set $rowSum (f64.add (f64.add (local.get $rowSum) (f64x2.extract_lane 0 (local.get $w))) (f64x2.extract_lane 1 (local.get $w))))
            (local.set $wd (f64x2.mul (local.get $w) (v128.load (i32.add (local.get $tab) (local.get $c)))))
            (local.set $rowDen (f64.add (f64.add (local.get $rowDen) (f64x2.extract_lane 0 (local.get $wd))) (f64x2.extract_lane 1 (local.get $wd))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $sum)))
        (f64.store (i32.add (local.get $rowOut) (i32.shl (local.get $r) (i32.const 3))) (local.get $rowSum))
        (f64.store (i32.add (local.get $rowOut) (i32.shl (i32.add (local.get $nRows) (local.get $r)) (i32.const 3))) (local.get $rowDen))
        ;; The statistics, over the row again (in cache): the focus shares need its total.
        (local.set $s (f64x2.splat (local.get $rowSum)))
        ;; The LQ's order within a category is the order of e / D(r): its brackets are on that.
        (local.set $ds (f64x2.splat (local.get $rowDen)))
        (local.set $rowLqV (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (f64.gt (local.get $rowDen) (f64.const 0))))))
        (local.set $c (i32.const 0))
        (local.set $h (i32.const 0))
        (if (local.get $floors)
          (then
        (block $stats4Done
          (loop $stats4
            (br_if $stats4Done (i32.ge_u (local.get $c) (local.get $W)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $t (i32.add (local.get $tab) (local.get $c)))
            (local.set $a (i32.add (i32.add (local.get $acc) (local.get $c)) (local.get $W)))
            (local.set $e (v128.load (i32.add (local.get $emp) (local.get $p))))
            (local.set $keep (f64x2.gt (local.get $e) (v128.const f64x2 0 0)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (local.get $keep)))
            ;; Slot by slot, each bracket loaded where it is used: fewer vectors live, none spilled.
            (local.set $x (v128.load (i32.add (local.get $t) (local.get $W))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $e) (local.get $x)))))
            (local.set $bits (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 1)))))))))
            (local.set $f (f64x2.div (local.get $e) (local.get $s)))
            (local.set $x (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 3)))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $f) (local.get $x)))))
            (local.set $bits (i32.or (local.get $bits) (i32.shl (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $f) (local.get $x)) (f64x2.le (local.get $f) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 2)))))))) (i32.const 2))))
            (local.set $x (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 5)))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $e) (local.get $x)))))
            (local.set $bits (i32.or (local.get $bits) (i32.shl (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 6)))))))) (i32.const 4))))
            ;; The LQ's brackets (slots 4–5 and 6–7: e and D(r) kept, from which the LQ is exact once
            ;; E(c) and D are known), on q = e / D(r), for the cells whose LQ is defined.
            (if (local.get $lqSlots)
              (then
                (local.set $keepL (v128.and (local.get $keep) (local.get $rowLqV)))
                (local.set $al (i32.add (i32.add (local.get $acc) (local.get $c)) (local.get $W7)))
                (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (local.get $keepL)))
                (local.set $x (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W9))) (local.get $ds)))
                (local.set $al (i32.add (local.get $al) (local.get $W)))
                (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (v128.and (local.get $keepL) (f64x2.lt (local.get $e) (local.get $x)))))
                (local.set $b2 (i64x2.bitmask (v128.and (local.get $keepL) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W10))) (local.get $ds)))))))
                (local.set $bits (i32.or (local.get $bits) (i32.shl (local.get $b2) (i32.const 8))))
                (if (i32.ge_u (local.get $lqSlots) (i32.const 2))
                  (then
                    (local.set $x (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W11))) (local.get $ds)))
                    (local.set $al (i32.add (local.get $al) (local.get $W)))
                    (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (v128.and (local.get $keepL) (f64x2.lt (local.get $e) (local.get $x)))))
                    (local.set $b2 (i64x2.bitmask (v128.and (local.get $keepL) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W12))) (local.get $ds)))))))
                    (local.set $bits (i32.or (local.get $bits) (i32.shl (local.get $b2) (i32.const 10))))))))
            (local.set $m (v128.load (i32.add (local.get $est) (local.get $p))))
            (local.set $keep (v128.and (v128.and (local.get $keep) (local.get $mOnV)) (f64x2.eq (local.get $m) (local.get $m))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (local.get $keep)))
            (local.set $x (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 7)))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $m) (local.get $x)))))
            (local.set $bits (i32.or (local.get $bits) (i32.shl (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $m) (local.get $x)) (f64x2.le (local.get $m) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 3)))))))) (i32.const 6))))
            ;; Kept as in $stats2, eight values: bits 2s and 2s + 1 say that lane 0 and lane 1 are
            ;; inside slot s's bracket (0 size: e, 1 focus: f, 2 employment P25: e, 3 establishments P25: m).
            ;; Listed, without a branch: a branch on "some value inside" (a third of the pairs under
            ;; cmp) was mispredicted so often that it cost more than all the counting.
            (i32.store offset=96 (i32.add (local.get $hits) (i32.shl (local.get $h) (i32.const 2))) (i32.or (i32.shl (local.get $c) (i32.const 8)) (local.get $bits)))
            (local.set $h (i32.add (local.get $h) (i32.ne (local.get $bits) (i32.const 0))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $stats4)))
        ;; The pairs listed, their values kept: a loop over them alone, with no branch per pair.
        (local.set $j (i32.const 0))
        (block $keep4Done
          (loop $keep4
            (br_if $keep4Done (i32.ge_u (local.get $j) (local.get $h)))
            (local.set $bits (i32.load offset=96 (i32.add (local.get $hits) (i32.shl (local.get $j) (i32.const 2)))))
            ;; The pair's byte offset is a multiple of 16: shifted by 8, its low 12 bits are the bits.
            (local.set $c (i32.and (i32.shr_u (local.get $bits) (i32.const 8)) (i32.const -16)))
            (local.set $bits (i32.and (local.get $bits) (i32.const 4095)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $e (v128.load (i32.add (local.get $emp) (local.get $p))))
            (local.set $f (f64x2.div (local.get $e) (local.get $s)))
            (local.set $m (v128.load (i32.add (local.get $est) (local.get $p))))
            ;; The values by bit (bit 2s + lane: slot s's value in that lane), then one write per
            ;; value inside: a pair lists one or two.
            (v128.store offset=0 (local.get $hits) (local.get $e))
            (v128.store offset=16 (local.get $hits) (local.get $f))
            (v128.store offset=32 (local.get $hits) (local.get $e))
            (v128.store offset=48 (local.get $hits) (local.get $m))
            (v128.store offset=64 (local.get $hits) (local.get $e))
            (v128.store offset=80 (local.get $hits) (local.get $e))
            (loop $keep4Bit
              (local.set $k (i32.ctz (local.get $bits)))
              (local.set $sc (i32.add (i32.mul (i32.shr_u (local.get $k) (i32.const 1)) (local.get $nCp)) (i32.add (i32.shr_u (local.get $c) (i32.const 3)) (i32.and (local.get $k) (i32.const 1)))))
              (local.set $at (i32.add (local.get $lengthAt) (i32.shl (local.get $sc) (i32.const 2))))
              (local.set $len (i32.load (local.get $at)))
              ;; The value, and after it the row's D(r): an LQ slot's cell keeps both (its length
              ;; advances by two), any other's D(r) is overwritten by its next value.
              (local.set $al (i32.add (local.get $bucketAt) (i32.shl (i32.add (i32.mul (local.get $sc) (local.get $cap)) (local.get $len)) (i32.const 3))))
              (f64.store (local.get $al) (f64.load (i32.add (local.get $hits) (i32.shl (local.get $k) (i32.const 3)))))
              (f64.store offset=8 (local.get $al) (local.get $rowDen))
              (i32.store (local.get $at) (i32.add (local.get $len) (i32.add (i32.const 1) (i32.ge_u (local.get $k) (i32.const 8)))))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $keep4Bit (local.get $bits)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $keep4)))
          )
          (else
        (block $stats2Done
          (loop $stats2
            (br_if $stats2Done (i32.ge_u (local.get $c) (local.get $W)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $t (i32.add (local.get $tab) (local.get $c)))
            (local.set $a (i32.add (i32.add (local.get $acc) (local.get $c)) (local.get $W)))
            (local.set $e (v128.load (i32.add (local.get $emp) (local.get $p))))
            (local.set $keep (f64x2.gt (local.get $e) (v128.const f64x2 0 0)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (local.get $keep)))
            ;; Slot by slot, each bracket loaded where it is used: fewer vectors live, none spilled.
            (local.set $x (v128.load (i32.add (local.get $t) (local.get $W))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $e) (local.get $x)))))
            (local.set $bits (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 1)))))))))
            (local.set $f (f64x2.div (local.get $e) (local.get $s)))
            (local.set $x (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 3)))))
            (local.set $a (i32.add (local.get $a) (local.get $W)))
            (v128.store (local.get $a) (i64x2.sub (v128.load (local.get $a)) (v128.and (local.get $keep) (f64x2.lt (local.get $f) (local.get $x)))))
            (local.set $bits (i32.or (local.get $bits) (i32.shl (i64x2.bitmask (v128.and (local.get $keep) (v128.and (f64x2.ge (local.get $f) (local.get $x)) (f64x2.le (local.get $f) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 2)))))))) (i32.const 2))))
            ;; Kept without a call or a branch per value: each of the four values is written at its
            ;; bucket's end, and the length advanced by its bit (a bucket always has room for one more).
            ;; Listed, without a branch: a branch on "some value inside" (a third of the pairs under
            ;; cmp) was mispredicted so often that it cost more than all the counting.
            ;; The LQ's brackets (slots 4–5 and 6–7: e and D(r) kept, from which the LQ is exact once
            ;; E(c) and D are known), on q = e / D(r), for the cells whose LQ is defined.
            (if (local.get $lqSlots)
              (then
                (local.set $keepL (v128.and (local.get $keep) (local.get $rowLqV)))
                (local.set $al (i32.add (i32.add (local.get $acc) (local.get $c)) (local.get $W7)))
                (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (local.get $keepL)))
                (local.set $x (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W9))) (local.get $ds)))
                (local.set $al (i32.add (local.get $al) (local.get $W)))
                (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (v128.and (local.get $keepL) (f64x2.lt (local.get $e) (local.get $x)))))
                (local.set $b2 (i64x2.bitmask (v128.and (local.get $keepL) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W10))) (local.get $ds)))))))
                (local.set $bits (i32.or (local.get $bits) (i32.shl (local.get $b2) (i32.const 8))))
                (if (i32.ge_u (local.get $lqSlots) (i32.const 2))
                  (then
                    (local.set $x (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W11))) (local.get $ds)))
                    (local.set $al (i32.add (local.get $al) (local.get $W)))
                    (v128.store (local.get $al) (i64x2.sub (v128.load (local.get $al)) (v128.and (local.get $keepL) (f64x2.lt (local.get $e) (local.get $x)))))
                    (local.set $b2 (i64x2.bitmask (v128.and (local.get $keepL) (v128.and (f64x2.ge (local.get $e) (local.get $x)) (f64x2.le (local.get $e) (f64x2.mul (v128.load (i32.add (local.get $t) (local.get $W12))) (local.get $ds)))))))
                    (local.set $bits (i32.or (local.get $bits) (i32.shl (local.get $b2) (i32.const 10))))))))
            (i32.store offset=96 (i32.add (local.get $hits) (i32.shl (local.get $h) (i32.const 2))) (i32.or (i32.shl (local.get $c) (i32.const 8)) (local.get $bits)))
            (local.set $h (i32.add (local.get $h) (i32.ne (local.get $bits) (i32.const 0))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $stats2)))
        ;; The pairs listed, their values kept: a loop over them alone, with no branch per pair.
        (local.set $j (i32.const 0))
        (block $keep2Done
          (loop $keep2
            (br_if $keep2Done (i32.ge_u (local.get $j) (local.get $h)))
            (local.set $bits (i32.load offset=96 (i32.add (local.get $hits) (i32.shl (local.get $j) (i32.const 2)))))
            ;; The pair's byte offset is a multiple of 16: shifted by 8, its low 12 bits are the bits.
            (local.set $c (i32.and (i32.shr_u (local.get $bits) (i32.const 8)) (i32.const -16)))
            (local.set $bits (i32.and (local.get $bits) (i32.const 4095)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $e (v128.load (i32.add (local.get $emp) (local.get $p))))
            (local.set $f (f64x2.div (local.get $e) (local.get $s)))
            ;; The values by bit (bit 2s + lane: slot s's value in that lane), then one write per
            ;; value inside: a pair lists one or two.
            (v128.store offset=0 (local.get $hits) (local.get $e))
            (v128.store offset=16 (local.get $hits) (local.get $f))
            (v128.store offset=64 (local.get $hits) (local.get $e))
            (v128.store offset=80 (local.get $hits) (local.get $e))
            (loop $keep2Bit
              (local.set $k (i32.ctz (local.get $bits)))
              (local.set $sc (i32.add (i32.mul (i32.shr_u (local.get $k) (i32.const 1)) (local.get $nCp)) (i32.add (i32.shr_u (local.get $c) (i32.const 3)) (i32.and (local.get $k) (i32.const 1)))))
              (local.set $at (i32.add (local.get $lengthAt) (i32.shl (local.get $sc) (i32.const 2))))
              (local.set $len (i32.load (local.get $at)))
              ;; The value, and after it the row's D(r): an LQ slot's cell keeps both (its length
              ;; advances by two), any other's D(r) is overwritten by its next value.
              (local.set $al (i32.add (local.get $bucketAt) (i32.shl (i32.add (i32.mul (local.get $sc) (local.get $cap)) (local.get $len)) (i32.const 3))))
              (f64.store (local.get $al) (f64.load (i32.add (local.get $hits) (i32.shl (local.get $k) (i32.const 3)))))
              (f64.store offset=8 (local.get $al) (local.get $rowDen))
              (i32.store (local.get $at) (i32.add (local.get $len) (i32.add (i32.const 1) (i32.ge_u (local.get $k) (i32.const 8)))))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $keep2Bit (local.get $bits)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $keep2)))
          ))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; Cell pass, against exact thresholds. tab fields (f64): 0 E(c), 1 size threshold, 2
  ;; specialisation bar, 3 focus threshold, 4 employment P25, 5 establishments P25, 6 strong LQ bar,
  ;; 7 strong10 LQ bar. rows: E(r) per row, then D(r) per row. Writes one byte per cell: its star
  ;; bits and, when $strongOn, its strong and strong10 bits ($sizeBit … $strong10Bit: one byte
  ;; matrix instead of three).
  (func (export "cellPass")
    (param $emp i32) (param $est i32) (param $nRows i32) (param $nCp i32) (param $tab i32) (param $rows i32) (param $starsOut i32)
    (param $D f64) (param $strongOn i32) (param $sizeBit i32) (param $specBit i32) (param $focusBit i32) (param $strongBit i32) (param $strong10Bit i32)
    (local $W i32) (local $r i32) (local $c i32) (local $p i32) (local $t i32) (local $o i32)
    (local $er f64) (local $dr f64)
    (local $erS v128) (local $drS v128) (local $DS v128) (local $rowLq v128) (local $rowFocus v128)
    (local $e v128) (local $f v128) (local $ec v128) (local $q v128) (local $pos v128)
    (local $stars v128) (local $m v128) (local $base v128)
    (local $sizeV v128) (local $specV v128) (local $focusV v128) (local $strongV v128) (local $strong10V v128)
    (local.set $W (i32.shl (local.get $nCp) (i32.const 3)))
    (local.set $DS (f64x2.splat (local.get $D)))
    (local.set $sizeV (i64x2.splat (i64.extend_i32_u (local.get $sizeBit))))
    (local.set $specV (i64x2.splat (i64.extend_i32_u (local.get $specBit))))
    (local.set $focusV (i64x2.splat (i64.extend_i32_u (local.get $focusBit))))
    (local.set $strongV (i64x2.splat (i64.extend_i32_u (local.get $strongBit))))
    (local.set $strong10V (i64x2.splat (i64.extend_i32_u (local.get $strong10Bit))))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $nRows)))
        (local.set $er (f64.load (i32.add (local.get $rows) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $dr (f64.load (i32.add (local.get $rows) (i32.shl (i32.add (local.get $nRows) (local.get $r)) (i32.const 3)))))
        (local.set $erS (f64x2.splat (local.get $er)))
        (local.set $drS (f64x2.splat (local.get $dr)))
        ;; The region's LQ is defined where D(r) > 0 and D > 0, its focus share where E(r) > 0.
        (local.set $rowLq (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (i32.and (f64.gt (local.get $dr) (f64.const 0)) (f64.gt (local.get $D) (f64.const 0)))))))
        (local.set $rowFocus (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (f64.gt (local.get $er) (f64.const 0))))))
        (local.set $c (i32.const 0))
        (block $cellsDone
          (loop $cells
            (br_if $cellsDone (i32.ge_u (local.get $c) (local.get $W)))
            (local.set $p (i32.add (i32.mul (local.get $r) (local.get $W)) (local.get $c)))
            (local.set $t (i32.add (local.get $tab) (local.get $c)))
            (local.set $e (v128.load (i32.add (local.get $emp) (local.get $p))))
            (local.set $ec (v128.load (local.get $t)))
            (local.set $f (f64x2.div (local.get $e) (local.get $erS)))
            (local.set $q (f64x2.div (f64x2.mul (local.get $e) (local.get $DS)) (f64x2.mul (local.get $drS) (local.get $ec))))
            (local.set $pos (f64x2.gt (local.get $e) (v128.const f64x2 0 0)))
            ;; The stars (cellPass.ts).
            (local.set $stars
              (v128.and
                (v128.or
                  (v128.or
                    (v128.and (local.get $sizeV) (f64x2.ge (local.get $e) (v128.load (i32.add (local.get $t) (local.get $W)))))
                    (v128.and (local.get $specV) (v128.and (local.get $rowLq) (f64x2.ge (local.get $q) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 1))))))))
                  (v128.and (local.get $focusV) (v128.and (local.get $rowFocus) (f64x2.ge (local.get $f) (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 3))))))))
                (local.get $pos)))
            (if (local.get $strongOn)
              (then
                ;; Strong clusters (strongClusters.ts), their bits in the star byte.
                (local.set $m (v128.load (i32.add (local.get $est) (local.get $p))))
                (local.set $base
                  (v128.and (v128.and (local.get $pos) (local.get $rowLq))
                    (v128.and (f64x2.gt (local.get $e) (v128.load (i32.add (local.get $t) (i32.shl (local.get $W) (i32.const 2)))))
                              (f64x2.gt (local.get $m) (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 5))))))))
                (local.set $stars
                  (v128.or (local.get $stars)
                    (v128.and (local.get $base)
                      (v128.or
                        (v128.and (local.get $strongV) (f64x2.ge (local.get $q) (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 6))))))
                        (v128.and (local.get $strong10V) (f64x2.ge (local.get $q) (v128.load (i32.add (local.get $t) (i32.mul (local.get $W) (i32.const 7))))))))))))
            (local.set $o (i32.shr_u (local.get $p) (i32.const 3)))
            (i32.store8 (i32.add (local.get $starsOut) (local.get $o)) (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $stars))))
            (i32.store8 offset=1 (i32.add (local.get $starsOut) (local.get $o)) (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $stars))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $cells)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))
)
