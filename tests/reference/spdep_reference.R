# Reference values for src/indicators/spatial from R's spdep, on the real boundaries in
# ../shared/data (read in place; only these small outputs are committed).
#
#   Rscript tests/reference/spdep_reference.R            # from the repository root
#   CLUSTER_ATLAS_SHARED_DATA=/path/to/data Rscript tests/reference/spdep_reference.R
#
# Writes, beside this script:
#   spdep_<dataset>.csv   one row per region, in file order:
#       id, queen, rook, knn6   neighbour ids separated by "|" (empty = no neighbours)
#       value                   log(planar area in square degrees), see below
#       lag, local_i            lag.listw / localmoran Ii, queen contiguity, style W
#       gi_star_z               localG on include.self(queen), style W
#       pseudo_p                localmoran_perm "Pr(folded) Sim", nsim = NSIM
#   spdep_global.json     moran.test (randomisation) for queen W, rook W, knn6 W, queen B
#
# Choices the TypeScript side mirrors (documented in tests/reference/README.md):
# - Planar geometry (sf_use_s2(FALSE)): poly2nb then finds candidate pairs by bounding boxes and
#   applies only its vertex criterion. With s2 on, the EU files give identical lists; the Russian
#   file has self-intersecting rings that s2 refuses.
# - value = log(area) with area and centroid from GEOS on coordinates without a CRS (planar
#   degrees), so both sides compute the same deterministic, spatially patterned number.
# - knn6: knearneigh(k = 6, longlat = TRUE) on a coordinate matrix of those planar centroids, so
#   spdep's own C code measures distance (its WGS-84 Andoyer-Lambert great-circle formula).
# - zero.policy = TRUE everywhere: regions without neighbours stay in, as spdep handles them.

suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()
data_dir <- Sys.getenv("CLUSTER_ATLAS_SHARED_DATA", file.path(here, "..", "..", "..", "shared", "data"))
data_dir <- normalizePath(data_dir, mustWork = TRUE)

NSIM <- 9999L
SEED <- 1L

datasets <- list(
  nuts2_60m = list(file = "eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson", id = "NUTS_ID"),
  nuts2_20m = list(file = "eu/NUTS_RG_20M_2021_4326_LEVL_2.geojson", id = "NUTS_ID"),
  nuts3_60m = list(file = "eu/NUTS_RG_60M_2021_4326_LEVL_3.geojson", id = "NUTS_ID"),
  ru_subjects = list(file = "ru/russia_federal_subjects_gislab_osm.geojson", id = "name")
)

sf_use_s2(FALSE)
invisible(set.ZeroPolicyOption(TRUE))

# A small JSON writer, so that the script needs nothing beyond r-cran-spdep and r-cran-sf.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    body <- vapply(names(x), function(k) paste0(inner, '"', k, '": ', to_json(x[[k]], inner)), "")
    return(paste0("{\n", paste(body, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.character(x)) return(paste0('"', gsub('"', '\\\\"', x), '"'))
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.na(x)) return("null")
  sprintf("%.17g", x)
}

num <- function(x) ifelse(is.na(x), "", sprintf("%.15g", x))
ids_of <- function(nb, ids) vapply(nb, function(v) paste(ids[v[v > 0]], collapse = "|"), "")

moran_summary <- function(x, lw) {
  two <- moran.test(x, lw, randomisation = TRUE, alternative = "two.sided", zero.policy = TRUE)
  greater <- moran.test(x, lw, randomisation = TRUE, alternative = "greater", zero.policy = TRUE)
  list(
    I = unname(two$estimate[1]), EI = unname(two$estimate[2]), variance = unname(two$estimate[3]),
    z = unname(two$statistic), p_two_sided = two$p.value, p_greater = greater$p.value
  )
}

global <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  g <- st_read(file.path(data_dir, d$file), quiet = TRUE)
  ids <- as.character(g[[d$id]])
  stopifnot(!anyDuplicated(ids))

  queen <- poly2nb(g, queen = TRUE)
  rook <- poly2nb(g, queen = FALSE)

  planar <- st_set_crs(st_geometry(g), NA)
  value <- log(as.numeric(st_area(planar)))
  centroids <- st_coordinates(st_centroid(planar))
  knn6 <- knn2nb(knearneigh(centroids, k = 6, longlat = TRUE))

  lw_queen <- nb2listw(queen, style = "W", zero.policy = TRUE)
  lag <- lag.listw(lw_queen, value, zero.policy = TRUE)
  local <- localmoran(value, lw_queen, zero.policy = TRUE)
  gi_star <- localG(value, nb2listw(include.self(queen), style = "W", zero.policy = TRUE), zero.policy = TRUE)
  perm <- localmoran_perm(value, lw_queen, nsim = NSIM, zero.policy = TRUE, iseed = SEED)

  out <- data.frame(
    id = ids,
    queen = ids_of(queen, ids), rook = ids_of(rook, ids), knn6 = ids_of(knn6, ids),
    value = num(value), lag = num(lag), local_i = num(local[, "Ii"]),
    gi_star_z = num(as.numeric(gi_star)), pseudo_p = num(perm[, "Pr(folded) Sim"])
  )
  write.csv(out, file.path(here, paste0("spdep_", name, ".csv")), row.names = FALSE, fileEncoding = "UTF-8")

  global[[name]] <- list(
    file = d$file, id = d$id, regions = length(ids),
    islands = list(queen = sum(card(queen) == 0), rook = sum(card(rook) == 0)),
    links = list(queen = sum(card(queen)), rook = sum(card(rook)), knn6 = sum(card(knn6))),
    moran = list(
      queen_W = moran_summary(value, lw_queen),
      rook_W = moran_summary(value, nb2listw(rook, style = "W", zero.policy = TRUE)),
      knn6_W = moran_summary(value, nb2listw(knn6, style = "W", zero.policy = TRUE)),
      queen_B = moran_summary(value, nb2listw(queen, style = "B", zero.policy = TRUE))
    )
  )
  cat(sprintf("%-12s %5d regions, queen links %d, rook links %d\n", name, length(ids), sum(card(queen)), sum(card(rook))))
}

meta <- list(
  R = R.version.string,
  spdep = as.character(packageVersion("spdep")),
  sf = as.character(packageVersion("sf")),
  geos = unname(sf_extSoftVersion()["GEOS"]),
  nsim = NSIM, seed = SEED, s2 = FALSE
)
writeLines(to_json(list(meta = meta, datasets = global)), file.path(here, "spdep_global.json"))
