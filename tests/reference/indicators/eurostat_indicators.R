# Reference values for the non-spatial indicator engine (src/indicators), computed in base R
# from the rules as written, on real data read in place from ../shared/data (only these small
# outputs are committed; see README.md).
#
#   Rscript tests/reference/indicators/eurostat_indicators.R     # from the repository root
#
# Data: Eurostat LFS lfst_r_lfe2en2, unit THS, age Y_GE15, year 2015, NUTS-2 regions (4-character
# codes other than the EU/EA aggregates), the ten NACE Rev.2 sections (TOTAL and NRP left out).
# ":" is "not reported" (NA): 0 in every sum, NA in per-cell outputs, never a star.
#
# Writes beside this script:
#   eurostat_2015_cells.csv       region, category, lq, focus, size, stars, strong,
#                                 strong10 (benchmark = sum of the regions), lq_eu28, size_eu28,
#                                 stars_eu28 (benchmark = the EU28 row)
#   eurostat_2015_categories.csv  category, eligible, size_threshold, focus_threshold,
#                                 lq_p75, lq_p90, employment_p25, hhi, gini, krugman, hoover
#   eurostat_2015_regions.csv     region, krugman_specialisation, shannon, starred

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
data_dir <- Sys.getenv("CLUSTER_ATLAS_SHARED_DATA", file.path(here, "../../../../shared/data"))
tsv <- file.path(data_dir, "eu/lfst_r_lfe2en2_2008-2015.tsv")

raw <- read.delim(tsv, check.names = FALSE, colClasses = "character", strip.white = TRUE)
key <- do.call(rbind, strsplit(raw[[1]], ",", fixed = TRUE))
colnames(key) <- c("unit", "nace_r2", "age", "geo")
year_col <- which(trimws(colnames(raw)) == "2015")
value <- trimws(sub(" .*$", "", trimws(raw[[year_col]])))   # drop flags after the number
value <- suppressWarnings(ifelse(value == ":", NA_real_, as.numeric(value)))

sections <- c("A", "B-E", "F", "G-I", "J", "K", "L", "M_N", "O-Q", "R-U")
keep <- key[, "unit"] == "THS" & key[, "age"] == "Y_GE15" & key[, "nace_r2"] %in% sections
geo <- key[, "geo"]
is_nuts2 <- nchar(geo) == 4 & !grepl("^(EU|EA)", geo)
regions <- sort(unique(geo[keep & is_nuts2]))

matrix_of <- function(ids) {
  m <- matrix(NA_real_, length(ids), length(sections), dimnames = list(ids, sections))
  rows <- keep & geo %in% ids
  m[cbind(match(geo[rows], ids), match(key[rows, "nace_r2"], sections))] <- value[rows]
  m
}
E <- matrix_of(regions)
eu28 <- matrix_of("EU28")[1, ]
z <- function(x) ifelse(is.na(x), 0, x)

# The ⌈share·n⌉-th largest among regions with E > 0; ties at it included by the ≥ below.
top_threshold <- function(x, share = 0.1) {
  x <- x[!is.na(x)]
  if (length(x) == 0) return(NA_real_)
  sort(x, decreasing = TRUE)[ceiling(share * length(x))]
}

indicators <- function(E, Ec) {
  Er <- rowSums(z(E))
  Etot <- sum(z(Ec))
  lq <- sweep(E / Er, 2, Ec / Etot, "/")
  focus <- E / Er
  size <- sweep(E, 2, Ec, "/")
  pos <- !is.na(E) & E > 0
  stars <- matrix(0L, nrow(E), ncol(E), dimnames = dimnames(E))
  thr <- data.frame(category = colnames(E), eligible = colSums(pos))
  for (c in seq_len(ncol(E))) {
    p <- pos[, c]
    ts <- top_threshold(ifelse(p, E[, c], NA))
    tf <- top_threshold(ifelse(p, focus[, c], NA))
    thr$size_threshold[c] <- ts
    thr$focus_threshold[c] <- tf
    s <- ifelse(p & E[, c] >= ts, 1L, 0L) + ifelse(p & lq[, c] >= 2, 2L, 0L) + ifelse(p & focus[, c] >= tf, 4L, 0L)
    stars[, c] <- ifelse(is.na(s), 0L, s)
  }
  list(lq = lq, focus = focus, size = size, stars = stars, thr = thr, pos = pos, Er = Er)
}

sum_bench <- indicators(E, colSums(z(E)))
eu_bench <- indicators(E, eu28)

# U.S. Cluster Mapping strength without establishments, LQ over all ten sections.
strong <- strong10 <- matrix(0L, nrow(E), ncol(E))
cats <- sum_bench$thr
for (c in seq_len(ncol(E))) {
  p <- sum_bench$pos[, c]
  q <- sum_bench$lq[p, c]
  cats$lq_p75[c] <- quantile(q, 0.75, type = 7, names = FALSE)
  cats$lq_p90[c] <- quantile(q, 0.90, type = 7, names = FALSE)
  cats$employment_p25[c] <- quantile(E[p, c], 0.25, type = 7, names = FALSE)
  base <- p & sum_bench$lq[, c] >= 1 & E[, c] > cats$employment_p25[c]
  strong[, c] <- ifelse(!is.na(base) & base & sum_bench$lq[, c] >= cats$lq_p75[c], 1L, 0L)
  strong10[, c] <- ifelse(!is.na(base) & base & sum_bench$lq[, c] >= cats$lq_p90[c], 1L, 0L)
}

# Concentration of each section over the regions, against total employment.
x <- sum_bench$Er / sum(sum_bench$Er)
for (c in seq_len(ncol(E))) {
  s <- z(E[, c]) / sum(z(E[, c]))
  cats$hhi[c] <- sum(s^2)
  cats$krugman[c] <- sum(abs(s - x))
  cats$hoover[c] <- sum(abs(s - x)) / 2
  # Locational Gini: Lorenz curve of s against x, regions ordered by s/x (regions with x = 0 out).
  o <- which(x > 0)
  o <- o[order(s[o] / x[o])]
  S <- c(0, cumsum(s[o]))
  cats$gini[c] <- 1 - sum(x[o] * (head(S, -1) + tail(S, -1)))
}

# Regions: Krugman specialisation against the benchmark structure, Shannon diversity, starred.
f <- z(sum_bench$focus)
fc <- colSums(z(E)) / sum(z(E))
regs <- data.frame(
  region = regions,
  krugman_specialisation = rowSums(abs(sweep(f, 2, fc, "-"))),
  shannon = -rowSums(ifelse(f > 0, f * log(f), 0)),
  starred = rowSums(sum_bench$stars > 0)
)
undefined <- sum_bench$Er == 0
regs$krugman_specialisation[undefined] <- NA
regs$shannon[undefined] <- NA

long <- function(m) as.vector(t(m))
cells <- data.frame(
  region = rep(regions, each = length(sections)),
  category = rep(sections, times = length(regions)),

  lq = long(sum_bench$lq), focus = long(sum_bench$focus), size = long(sum_bench$size),
  stars = long(sum_bench$stars), strong = long(strong), strong10 = long(strong10),
  lq_eu28 = long(eu_bench$lq), size_eu28 = long(eu_bench$size), stars_eu28 = long(eu_bench$stars)
)

write_ref <- function(df, name) {
  num <- vapply(df, is.double, logical(1))
  df[num] <- lapply(df[num], function(v) ifelse(is.na(v), "", sprintf("%.17g", v)))
  write.csv(df, file.path(here, name), row.names = FALSE, quote = FALSE, na = "")
}
write_ref(cells, "eurostat_2015_cells.csv")
write_ref(cats[, c("category", "eligible", "size_threshold", "focus_threshold", "lq_p75", "lq_p90",
                   "employment_p25", "hhi", "gini", "krugman", "hoover")], "eurostat_2015_categories.csv")
write_ref(regs, "eurostat_2015_regions.csv")
cat(sprintf("%d regions x %d sections, %d cells not reported\n", nrow(E), ncol(E), sum(is.na(E))))
