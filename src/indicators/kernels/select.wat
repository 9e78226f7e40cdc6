;; Selection for the thresholds (select.ts): Floyd–Rivest, partitioning without a data-dependent
;; branch, on doubles in this module's memory (addresses in bytes). The same algorithm as the
;; JavaScript it replaces, step for step, so a buffer is left in the same order; here a value costs
;; half the time: in JavaScript every typed-array access also checked that its buffer had not been
;; detached, which a worker's buffers have been once it has transferred a result.
;; Imports: Math.log and Math.exp, for the recursion's sample window (a few calls a selection).
(module
  (import "math" "log" (func $log (param f64) (result f64)))
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (memory (export "memory") 1)

  ;; Reorders a[left..right] (a: the address of a[0]) so that a[k] is its (k − left)-th smallest,
  ;; everything before it ≤ and everything after it ≥. No NaN.
  (func $floydRivest (export "floydRivest") (param $a i32) (param $k i32) (param $left i32) (param $right i32)
    (local $n f64) (local $m f64) (local $z f64) (local $s f64) (local $sd f64) (local $t f64) (local $x f64)
    (local $pi i32) (local $pf i32) (local $pr i32) (local $pk i32) (local $pe i32) (local $equal i32) (local $front i32)
    (block $done
      (loop $while
        (br_if $done (i32.le_s (local.get $right) (local.get $left)))
        (if (i32.gt_s (i32.sub (local.get $right) (local.get $left)) (i32.const 600))
          (then
            ;; Recurse on a small window whose k-th value is very likely close to the answer, so
            ;; that the partition below splits the range near k.
            (local.set $n (f64.convert_i32_s (i32.add (i32.sub (local.get $right) (local.get $left)) (i32.const 1))))
            (local.set $m (f64.convert_i32_s (i32.add (i32.sub (local.get $k) (local.get $left)) (i32.const 1))))
            (local.set $z (call $log (local.get $n)))
            (local.set $s (f64.mul (f64.const 0.5) (call $exp (f64.div (f64.mul (f64.const 2) (local.get $z)) (f64.const 3)))))
            (local.set $sd
              (f64.mul
                (f64.mul (f64.const 0.5) (f64.sqrt (f64.div (f64.mul (f64.mul (local.get $z) (local.get $s)) (f64.sub (local.get $n) (local.get $s))) (local.get $n))))
                (select (f64.const -1) (f64.const 1) (f64.lt (f64.sub (local.get $m) (f64.div (local.get $n) (f64.const 2))) (f64.const 0)))))
            (call $floydRivest (local.get $a) (local.get $k)
              (i32.trunc_f64_s (f64.max (f64.convert_i32_s (local.get $left))
                (f64.floor (f64.add (f64.sub (f64.convert_i32_s (local.get $k)) (f64.div (f64.mul (local.get $m) (local.get $s)) (local.get $n))) (local.get $sd)))))
              (i32.trunc_f64_s (f64.min (f64.convert_i32_s (local.get $right))
                (f64.floor (f64.add (f64.add (f64.convert_i32_s (local.get $k)) (f64.div (f64.mul (f64.sub (local.get $n) (local.get $m)) (local.get $s)) (local.get $n))) (local.get $sd))))))))
        ;; Partition around t = a[k]: each value swapped to the front, and the front advanced when it
        ;; is below t (a branch here is taken at random: a threshold's rank is in the middle of its
        ;; bracket's values). Values equal to t are counted in the same pass.
        (local.set $pk (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $pr (i32.add (local.get $a) (i32.shl (local.get $right) (i32.const 3))))
        (local.set $t (f64.load (local.get $pk)))
        (f64.store (local.get $pk) (f64.load (local.get $pr)))
        (f64.store (local.get $pr) (local.get $t))
        (local.set $pi (i32.add (local.get $a) (i32.shl (local.get $left) (i32.const 3))))
        (local.set $pf (local.get $pi))
        (local.set $equal (i32.const 0))
        (block $partitioned
          (loop $partition
            (br_if $partitioned (i32.ge_u (local.get $pi) (local.get $pr)))
            (local.set $x (f64.load (local.get $pi)))
            (f64.store (local.get $pi) (f64.load (local.get $pf)))
            (f64.store (local.get $pf) (local.get $x))
            (local.set $pf (i32.add (local.get $pf) (i32.shl (f64.lt (local.get $x) (local.get $t)) (i32.const 3))))
            (local.set $equal (i32.add (local.get $equal) (f64.eq (local.get $x) (local.get $t))))
            (local.set $pi (i32.add (local.get $pi) (i32.const 8)))
            (br $partition)))
        (f64.store (local.get $pr) (f64.load (local.get $pf)))
        (f64.store (local.get $pf) (local.get $t))
        ;; Now a[left..front) < t = a[front] ≤ a(front..right].
        (local.set $front (i32.shr_s (i32.sub (local.get $pf) (local.get $a)) (i32.const 3)))
        (if (i32.lt_s (local.get $k) (local.get $front))
          (then
            (local.set $right (i32.sub (local.get $front) (i32.const 1)))
            (br $while)))
        ;; The other values equal to t next to it, so that a run of ties (integer employment) ends
        ;; the search instead of being partitioned again one value at a time.
        (local.set $pe (i32.add (local.get $pf) (i32.const 8)))
        (if (local.get $equal)
          (then
            (local.set $pi (local.get $pe))
            (block $gathered
              (loop $gather
                (br_if $gathered (i32.gt_u (local.get $pi) (local.get $pr)))
                (local.set $x (f64.load (local.get $pi)))
                (f64.store (local.get $pi) (f64.load (local.get $pe)))
                (f64.store (local.get $pe) (local.get $x))
                (local.set $pe (i32.add (local.get $pe) (i32.shl (f64.eq (local.get $x) (local.get $t)) (i32.const 3))))
                (local.set $pi (i32.add (local.get $pi) (i32.const 8)))
                (br $gather)))))
        (local.set $left (i32.shr_s (i32.sub (local.get $pe) (local.get $a)) (i32.const 3)))
        (br_if $done (i32.lt_s (local.get $k) (local.get $left)))
        (br $while))))

  ;; The least of a[from..to), +∞ when that is empty.
  (func (export "least") (param $a i32) (param $from i32) (param $to i32) (result f64)
    (local $v f64) (local $x f64) (local $p i32) (local $end i32)
    (local.set $v (f64.const inf))
    (local.set $p (i32.add (local.get $a) (i32.shl (local.get $from) (i32.const 3))))
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $to) (i32.const 3))))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.load (local.get $p)))
        (local.set $v (select (local.get $x) (local.get $v) (f64.lt (local.get $x) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $scan)))
    (local.get $v))

  ;; How many of a[0..n) are within [lo, hi].
  (func (export "countWithin") (param $a i32) (param $n i32) (param $lo f64) (param $hi f64) (result i32)
    (local $count i32) (local $p i32) (local $end i32) (local $x f64)
    (local.set $p (local.get $a))
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.load (local.get $p)))
        (local.set $count (i32.add (local.get $count) (i32.and (f64.ge (local.get $x) (local.get $lo)) (f64.le (local.get $x) (local.get $hi)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $scan)))
    (local.get $count))
)
