# The reference for Groeiwijzer's growth model: fits the same piecewise model with lme4 and prints the
# result in the JSON shape of `groeiwijzer analyse growth` (plus "singular" and "seconds").
#   Rscript lme4-growth.R measurements.csv trainings.csv person|school-person
# measurements.csv: person,school,time,score   trainings.csv: school,time
# Needs R and lme4 (Debian: apt-get install -y --no-install-recommends r-base-core r-cran-lme4).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3 || !(args[3] %in% c("person", "school-person"))) {
  stop("usage: Rscript lme4-growth.R measurements.csv trainings.csv person|school-person")
}
suppressPackageStartupMessages(library(lme4))

measurements <- read.csv(args[1], colClasses = c(person = "character", school = "character"))
trainings <- read.csv(args[2], colClasses = c(school = "character"))
measurements$t0 <- trainings$time[match(measurements$school, trainings$school)]
measurements$a1 <- pmin(measurements$time, measurements$t0)
measurements$a2 <- pmax(0, measurements$time - measurements$t0)
measurements$d <- as.numeric(measurements$time >= measurements$t0)
measurements$person <- factor(measurements$person)
measurements$school <- factor(measurements$school)

model <- if (args[3] == "person") {
  score ~ a1 + a2 + d + (1 | person)
} else {
  score ~ a1 + a2 + d + (1 | school) + (1 | person)
}
started <- proc.time()[["elapsed"]]
fit <- lmer(model, data = measurements, REML = TRUE)
seconds <- proc.time()[["elapsed"]] - started

number <- function(x) sprintf("%.15g", x)
beta <- fixef(fit)
covariance <- as.matrix(vcov(fit))
se <- sqrt(diag(covariance))
estimate <- function(name) sprintf('{"estimate":%s,"se":%s}', number(beta[[name]]), number(se[[name]]))
components <- as.data.frame(VarCorr(fit))
component <- function(group) number(components$vcov[components$grp == group])
difference <- beta[["a2"]] - beta[["a1"]]
differenceSe <- sqrt(covariance["a1", "a1"] + covariance["a2", "a2"] - 2 * covariance["a1", "a2"])
variance <- sprintf('"person":%s,"residual":%s', component("person"), component("Residual"))
if (args[3] == "school-person") variance <- sprintf('%s,"school":%s', variance, component("school"))

cat(sprintf(
  paste0('{"rows":%d,"persons":%d,"fixed":{"intercept":%s,"baselineSlope":%s,"implementationSlope":%s,"levelChange":%s},',
         '"slopeDifference":{"estimate":%s,"se":%s},"variance":{%s},"logLikREML":%s,"singular":%s,"seconds":%s}\n'),
  nobs(fit), nlevels(measurements$person),
  estimate("(Intercept)"), estimate("a1"), estimate("a2"), estimate("d"),
  number(difference), number(differenceSe), variance,
  number(as.numeric(logLik(fit, REML = TRUE))), tolower(as.character(isSingular(fit))), number(seconds)
))
