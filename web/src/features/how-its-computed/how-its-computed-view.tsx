interface Definition {
  term: string
  text: string
  formula?: string
}

const DATA: Definition[] = [
  {
    term: 'Area score',
    text: "The mean of every interviewer's rating in that area for one application (ratings run 1 strong no, 2 no, 3 yes, 4 strong yes).",
    formula: 'score = (sum of the ratings) / (number of ratings)',
  },
  {
    term: 'Applicant pool',
    text: 'Every application in the current filter with at least one rating in the area.',
  },
  {
    term: 'Hire',
    text: 'An application with decision "hired" whose start date is on or before the as-of date. The same meaning holds everywhere: validity, retention, red flags, backgrounds and adverse impact. A decided application is a hire or one with any decision other than "hired" or "pending"; an offer accepted but not yet started is not counted either way.',
  },
  {
    term: 'As of',
    text: 'The date the analysis is run for (default today). Only what was known on that day counts: applications made, hires started, departures and accepted offers after it are left out. Filters by level, requisition, hire type and application date narrow the applications further.',
  },
  {
    term: 'Retained twelve months',
    text: 'A hire counts as 0 if they left less than 365 days after starting, and as 1 once 365 days have passed with no such end. Hires still inside their first year are left out of this outcome.',
  },
]

const STATISTICS: Definition[] = [
  {
    term: 'n and pool',
    text: 'n is the hires with a known twelve-month outcome and a score in the area; the pool is every application rated in the area.',
  },
  {
    term: 'r, the correlation',
    text: "Pearson correlation of the area score with retained (a point-biserial correlation). Its 95% interval uses Fisher's z; p comes from a t test with n − 2 degrees of freedom.",
    formula: 'CI = tanh(atanh r ± 1.96 / √(n − 3)),   t = r √((n − 2) / (1 − r²))',
  },
  {
    term: 'q, the adjusted p',
    text: 'Testing five areas at once makes a chance finding likelier. q is p adjusted by the Benjamini–Hochberg procedure over the areas shown, controlling the false discovery rate.',
  },
  {
    term: 'Corrected r',
    text: "Only candidates who scored well are hired, so scores vary less among hires than among applicants and r understates validity. Thorndike's Case II correction for direct range restriction undoes this. Its interval applies the same correction to the ends of the observed interval. Both numbers are always shown.",
    formula: 'U = SD(pool) / SD(hires),   R = U·r / √(1 + r²(U² − 1))',
  },
  {
    term: 'Corrected r, indirect (Case IV)',
    text: "Hiring selects on the composite of all areas, and on much else, not on any one area's score, so each area's range is restricted only indirectly; Case II then undercorrects (Hunter, Schmidt & Le 2006). Case IV, as psychmeta's correct_r(correction = \"uvirr_x\") with a criterion reliability of 1 (retention is recorded, not rated), corrects through the true score: it needs the area's reliability among the hires used, r_XXi, its ICC(1) stepped up by Spearman–Brown to their mean number of interviewers. It is the one to read; Case II stays beside it. Its interval corrects the ends of the observed interval. When u_X² < 1 − r_XXa (or r_XXi ≤ 0) it is not defined and the table says why.",
    formula:
      'u_X = SD(hires) / SD(pool),   r_XXa = 1 − u_X²(1 − r_XXi),   u_T = √((u_X² − (1 − r_XXa)) / r_XXa),   ρ_i = r / √r_XXi,   ρ_a = ρ_i / √(u_T² + ρ_i²(1 − u_T²)),   operational validity = ρ_a·√r_XXa',
  },
  {
    term: 'Odds ratio per rating point',
    text: "From a logistic regression of retained on the area score, fitted by iteratively reweighted least squares to full convergence (the numbers of R's glm). The interval is the Wald interval. When some hires are predicted perfectly (separation) no finite odds ratio exists, and the table says so instead of printing one.",
    formula: 'log odds(retained) = a + b·score,   OR = e^b,   CI = e^(b ± 1.96·SE)',
  },
  {
    term: 'Strongest area',
    text: "The area with the highest r is called the strongest only when its r is told apart from every other area's: Zou's (2007) interval for the difference of two overlapping dependent correlations (same hires, same outcome) must exclude 0 for each. Otherwise the summary names the areas that cannot be told apart from it, with the difference and its interval.",
    formula:
      'L = r₁ − r₂ − √((r₁ − l₁)² + (u₂ − r₂)² − 2c(r₁ − l₁)(u₂ − r₂)),   U likewise; c from r₁, r₂ and r(x₁, x₂)',
  },
  {
    term: 'AUC',
    text: "The probability that a hire who stayed scored higher in the area than one who left, ties counting half. 0.5 is a coin toss. Its interval uses DeLong's variance, clipped to 0–1.",
  },
  {
    term: 'Insufficient data',
    text: 'Below 30 hires with a known outcome a row is greyed. With 80% power and a two-sided 5% test, detecting r = .20 takes about 194 hires and r = .30 about 85.',
    formula: 'n = ((1.96 + 0.84) / atanh r)² + 3',
  },
  {
    term: 'Model of all areas',
    text: 'A logistic regression on every area at once, over hires scored in all of them, reported with odds ratios, Wald intervals and the in-sample AUC of its prediction. Its cross-validated AUC is the mean AUC on each held-out fold of a stratified 5-fold split with a fixed seed, the model refitted on the other four folds each time: an honest estimate for new hires. An area every hire scored the same, or whose scores are a linear combination of the areas before it, has no effect of its own: it is left out by name and the rest is fitted, as glm in R does. Separation and non-convergence are reported instead of numbers.',
  },
]

const OTHER: Definition[] = [
  {
    term: 'Composite',
    text: "The weighted mean of an application's area scores with its level's weights (Settings). Suggested weights are the model's positive coefficients scaled to sum to 1: areas whose higher scores went with leaving get none. Their cross-validated AUC learns the weights on four folds and scores the fifth, beside the current weights' AUC on the same folds.",
    formula: 'composite = Σ wₖ·scoreₖ / Σ wₖ',
  },
  {
    term: 'Predicted retention (Compare candidates)',
    text: "The model of all areas, fitted on every past hire of the rubric with a known outcome, applied to a candidate's area scores: the share of past hires with those scores who stayed twelve months. Its 95% interval is made on the log-odds scale from the coefficients' covariance and carried back, so it stays between 0 and 1. It describes past hires like this one, not the person, and it is not a decision. No estimate is given when an area is unscored or the model could not be fitted.",
    formula: 'p = 1 / (1 + e^(−xᵀβ)),   SE(xᵀβ) = √(xᵀ V x),   CI = logistic(xᵀβ ± 1.96·SE)',
  },
  {
    term: 'Retention curves',
    text: "Kaplan–Meier estimates of staying employed by days since starting, for hires scoring 3 or more in an area and those below, with Greenwood's variance and a log-transformed 95% interval (R's survfit default); the log-rank test compares the two bands, and is given only above the data floor (30 hires with a known outcome scored in the area, 10 who stayed and 10 who left): below it the curves are drawn and the panel says why there is no test. Someone still employed is counted until the as-of date (censored). The twelve-month figure is read on day 364 after starting, so leaving on day 365 counts as staying, as in the outcome. It differs from the share of hires who stayed because that share counts only hires whose first year is over, while Kaplan–Meier also uses those still in their first year for as long as they have been seen. Once everyone at risk has left, the estimate is 0 and its interval is not defined (R reports an infinite standard error).",
    formula: 'S(t) = Π (1 − dᵢ/nᵢ),   Var(log S) = Σ dᵢ / (nᵢ(nᵢ − dᵢ)),   CI = S·exp(± 1.96·SE)',
  },
  {
    term: 'Time to hire and to fill',
    text: "Days from the application to the accepted offer, and from the requisition's opening to it, summarised by median and quartiles (R's type 7), against the 17-day benchmark of a general IT search. Retention by quartile of time to hire carries Wilson intervals; the correlation of days with staying twelve months is given only above the data floor (30 hires with a known outcome, 10 who stayed and 10 who left).",
  },
  {
    term: 'Compa-ratio',
    text: "The offer salary over the midpoint of a benchmark band of the hire's own level (the metro's band before the nationwide one, the newest first). A band for every level is market context only: against it a compa-ratio would measure the level, not the offer. A hire whose level has no band gets no compa-ratio (the answer says so) and is left out of retention by compa-ratio, which is compared below 0.9, between 0.9 and 1.1, and above 1.1.",
  },
  {
    term: 'Interviewer calibration',
    text: "Leniency is the mean of an interviewer's rating minus the other interviewers' mean rating of the same application and area, with a t interval clustered by application (CR1): an interviewer rates several areas of one loop, and those deviations move together, so treating each rating as independent would make the interval too narrow. Inter-rater reliability per area is the one-way ICC(1) with unequal panel sizes. An interviewer's own AUC asks whether their mean rating of a hire told stayers from leavers; it is given, raw and shrunk, only above the data floor (30 hires with a known outcome they rated, 10 who stayed and 10 who left).",
    formula: 'ICC(1) = (MSB − MSW) / (MSB + (k₀ − 1)·MSW),   k₀ = (N − Σnᵢ²/N) / (a − 1)',
  },
  {
    term: 'Candidate status on Compare',
    text: 'The picker lists a requisition\'s candidates best composite first (the level-weighted mean of the area scores), each by what became of them as of today, with the one meaning of hire above: hired (a hire, started); not hired (any other decision than "hired" or "pending"); still open (pending, or hired but not yet started).',
  },
  {
    term: 'Scores adjusted for interviewer leniency',
    text: "Compare candidates shows each rating beside the same rating minus its interviewer's leniency, shrunk toward 0 for interviewers with few ratings (normal–normal empirical Bayes). Interviewer i's raw leniency is the mean of their nᵢ deviations from colleagues (as above), whose sampling variance is σ²/nᵢ; with true leniencies spread as N(0, τ²), the best estimate is the raw leniency times Bᵢ = nᵢτ² / (nᵢτ² + σ²). σ² is the within-interviewer variance (the mean square of deviations around each interviewer's own mean, MSW) and τ² the between-interviewer variance by the method of moments, (MSB − MSW) / n₀, floored at 0: the one-way ANOVA of deviations by interviewer, the same moments as ICC(1) and the same τ² as DerSimonian–Laird. An interviewer with 5 compared ratings keeps about a third of their raw leniency, one with 300 almost all; with nothing compared, or when τ² is 0, nothing is subtracted. Adjusted area scores are means of adjusted ratings, and the adjusted composite weighs them like the raw one. Leniency is the interviewers view's, for the same viewer: organisation-wide as of today for talent leads, and under disclosure control for hiring managers (an interviewer not shown there is not adjusted, and the comparison says so). The within-interviewer variance treats each compared rating as independent, so the weights lean slightly toward the raw leniency.",
    formula:
      'adjusted = rating − Bᵢ·leniencyᵢ,   Bᵢ = nᵢτ² / (nᵢτ² + σ²),   τ² = max(0, (MSB − MSW) / n₀),   σ² = MSW',
  },
  {
    term: 'Incremental validity',
    text: 'What an area adds beyond the others: the logistic model of twelve-month retention on every area is compared with the same model without the area, by the likelihood-ratio test (R\'s anova(glm_without, glm_all, test = "Chisq")), among hires with a known outcome scored in every area. Both models are also cross-validated on the same stratified five folds, and the table shows each mean held-out AUC and their difference, beside the minutes the area takes per loop. A p under .05 says the area adds something; a p of .05 or more says only that the data detect nothing added, which is not proof that nothing is. Below the data floor (30 hires, 10 who stayed and 10 who left) no figure is shown.',
    formula: 'χ²(1) = deviance(without) − deviance(all areas),   p = P(χ²₁ ≥ χ²)',
  },
  {
    term: 'Panel sizing',
    text: "How reliable each area's score is, and how many interviewers it needs. A single interviewer's reliability is the area's ICC(1) (see interviewer calibration); the mean of k interviewers has the Spearman–Brown reliability ρ_k. The interviewers needed for a target (.70, .80) solve it for k, rounded up to a whole interviewer; with ICC(1) ≤ 0 no number is enough. Today's panel is the mean number of interviewers rating the area per loop. Interviewer-hours a quarter are the minutes recorded on the area over the calendar quarters from the first application in the selection to the last, over 60. A hiring manager, organisation-wide, sees an area's hours and minutes per loop only where its minutes may be shown (see Inside a shown answer). The panel says an area adds nothing detectable only when its likelihood-ratio test (above) finds nothing, above the data floor, and says too that this is not proof.",
    formula: 'ρ_k = kρ₁ / (1 + (k − 1)ρ₁),   k = R(1 − ρ₁) / (ρ₁(1 − R))',
  },
  {
    term: 'Shrunk interviewer figures',
    text: "The interviewers view shows each interviewer's leniency and AUC raw and shrunk side by side, and ranks by the shrunk figure, so an interviewer with 6 loops is not ranked beside one with 200. Leniency is shrunk toward 0 as above. An AUC is shrunk toward the pooled AUC μ, the inverse-variance weighted mean of every interviewer's AUC, by normal–normal empirical Bayes: with its DeLong variance vᵢ as the squared standard error, the interviewer keeps Bᵢ = τ² / (τ² + vᵢ) of their distance from μ. τ², how much interviewers' true AUCs differ, is the method-of-moments (DerSimonian–Laird) estimate, floored at 0; when it is 0 every shrunk AUC is μ and the view says the data cannot tell the interviewers apart yet. An AUC with no DeLong variance (fewer than two hires who stayed or two who left, or every stayer rated above every leaver) takes no part and has no shrunk figure. For a hiring manager the pool is recomputed over the interviewers whose AUC is shown.",
    formula:
      'shrunkᵢ = μ + Bᵢ·(AUCᵢ − μ),   Bᵢ = τ² / (τ² + vᵢ),   μ = Σwᵢ·AUCᵢ / Σwᵢ,   wᵢ = 1/vᵢ,   τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)),   Q = Σwᵢ(AUCᵢ − μ)²',
  },
  {
    term: 'Validity over time',
    text: "Applications are grouped by the half-year of their application date (2025-H1 is January to June 2025). In each half-year: each area's r with twelve-month retention among its hires, with the Fisher-z interval, shown only with 30 hires with a known outcome, 10 who stayed and 10 who left; the median days from application to accepted offer of the offers accepted by the as-of date, with the distribution-free interval between the order statistics l and n − l + 1, l = qbinom(0.025, n, ½) (none below six offers); and the share of hires with a known outcome who stayed twelve months, with a Wilson interval. Is the loop getting better? For each area, the first and last half-years that show an r are compared by the test of two independent correlations; retention between the first and last half-years with enough hires by the two-proportion z test (R's prop.test without continuity correction); time to hire between the first and last half-years with 30 accepted offers, called longer or shorter only when the two median intervals do not overlap (a conservative test). A change is put in words only when p < .05 (for time to hire, when the intervals are apart); otherwise the panel says the data cannot tell yet. Recent half-years have few known outcomes, since most of their hires have not yet reached a year. For a hiring manager each half-year's retention, area r and time to hire is shown only over at least 10 of other managers' hires who stayed and 10 who left (10 accepted offers), and the comparison uses only the half-years shown.",
    formula:
      'z = (atanh r₂ − atanh r₁) / √(1/(n₁ − 3) + 1/(n₂ − 3)),   z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂))',
  },
  {
    term: 'Questions within areas',
    text: "Where a rating names the question it answers (the question column of scores.csv, or a Greenhouse attribute or Lever field mapped onto an area it is not named like), each question of an area is reported on its own; area scores stay the mean of every rating in the area, questions or not. A loop's question score is the mean of its ratings on that question. Per question: the loops that asked it, the mean of its ratings, the Pearson r of question score with the loop's area score (which contains it, so it runs high), and the point-biserial r of question score with retained_12m over the hires asked it, with a Fisher-z interval (SE 1/√(n − 3)). Below 30 such hires, or fewer than 10 who stayed or 10 who left, a question says it was asked too rarely and shows no r. Each question's r is then shrunk toward the area's own r (area score against retained_12m over all the area's hires) by normal–normal empirical Bayes on Fisher's z: zᵢ = atanh(rᵢ) with sampling variance seᵢ² = 1/(nᵢ − 3); true values spread as N(μ, τ²) around μ = atanh(r of the area); τ² by the method of moments about that centre, floored at 0; the shrunk z is μ + Bᵢ(zᵢ − μ) with Bᵢ = τ² / (τ² + seᵢ²), its interval ± 1.96·√(Bᵢ·seᵢ²), both turned back into r by tanh. A question asked of few hires is pulled further toward its area. When τ² is 0 every question is shown at the area's figure. Whether the questions differ at all is tested by Cochran's Q about the area's figure, Σ(zᵢ − μ)²/seᵢ², against χ² with k degrees of freedom; the view says the questions differ only when its p is under .05, and otherwise that the data cannot tell yet which works better. The interval treats μ and τ² as known, so it is somewhat narrow. A question is said to go with staying only when its own interval lies above zero. A restricted viewer sees a question only when at least 10 applicants of other managers' requisitions were asked it, its r only when 10 such hires stayed and 10 left, and the shrinkage is redone over the questions shown.",
    formula:
      'shrunk r = tanh(μ + Bᵢ(zᵢ − μ)),   Bᵢ = τ² / (τ² + 1/(nᵢ − 3)),   τ² = max(0, Σ[(zᵢ − μ)² − 1/(nᵢ − 3)] / k),   μ = atanh(r of the area)',
  },
  {
    term: 'Rates with intervals',
    text: 'Hire and retention rates by red-flag tag and background carry Wilson score intervals; below 30 hires with a known outcome a rate is marked insufficient.',
  },
  {
    term: 'Adverse impact',
    text: "Only where applicants volunteered a group. The selection rate of each group (hires over decided applications) is divided by the highest group's (the Uniform Guidelines' comparison rule), with a 95% interval on the log scale, the Z test of the impact ratio (Morris & Lobsenz 2000) and Fisher's exact test against the highest group. Since the highest group is picked after seeing the data, Fisher's p is adjusted by Holm's method over the groups compared. A group is flagged only when the ratio is under 0.80 (the four-fifths rule, 29 CFR 1607.4(D)), the group has at least 30 applicants, and the adjusted p is under .05: practical and statistical significance together. A group with fewer than five applicants, or with one to four selected or one to four not selected, is pooled with the other such groups, or left out if even the pool is that small.",
  },
]

const WORTH: Definition[] = [
  {
    term: 'Composite and its corrected validity',
    text: "The composite of an application is the level-weighted mean of its five area scores (the rubric's weights for the requisition's level). Its pool is every application in the filter scored in every area; the hires used are the hires among them with a known twelve-month outcome. r is the point-biserial correlation of the composite with staying twelve months, with a Fisher-z interval. Selection happens on the composite, so the direct correction (Thorndike Case II) applies, with U = SD(composite in the pool) / SD(composite of the hires used); the interval's ends are corrected the same way. Both observed and corrected are shown.",
    formula: 'R = U·r / √(1 + r²(U² − 1)),   U = SD(pool) / SD(hires used)',
  },
  {
    term: 'Expectancy by composite band',
    text: "The share of hires used who stayed twelve months in fixed bands of the current composite (below 2.5, 2.5 to 3, 3 to 3.5, 3.5 and above), with a Wilson 95% interval, beside the multivariable model's mean predicted probability for the same hires, and a logistic regression of retention on the composite alone read at each band's centre (2.25, 2.75, 3.25, 3.75) with its interval on the log-odds scale. The bands are fixed scores rather than quantiles, so every answer cuts hires in the same places. A hiring manager, organisation-wide, sees nothing of it unless at least 10 of other managers' hires scored in every area stayed and 10 left (as for the validity table and the model: the count of hires used would otherwise tell a group that is not shown); then the four bands where each holds at least 10 of other managers' hires who stayed and 10 who left; else two bands (below 3, 3 and above) under the same rule; else only the composite's curve, which rests on every hire used as the model does. The comparison with random hiring needs 10 of their applicants scored in every area too.",
  },
  {
    term: 'Taylor–Russell: the loop against random hiring',
    text: "SR is the hires used over the pool. BR, the share that would have stayed had hires been picked at random from the same pool, is solved so that the success ratio at the composite's corrected validity equals the observed retention of the hires used; Φ₂ is the bivariate normal distribution function (Drezner–Wesolowsky as refined by Genz, exact to double precision). The answer also gives the success ratio the suggested weights' corrected validity would reach at the same SR and BR.",
    formula: 'success ratio = Φ₂(−x_c, −y_c; ρ) / SR,   x_c = Φ⁻¹(1 − SR),   y_c = Φ⁻¹(1 − BR)',
  },
  {
    term: 'Utility in dollars (Brogden–Cronbach–Gleser)',
    text: "The yearly gain of selecting with the composite over selecting at random. N_a and N_s are the pool and the hires used per year, over the days from the pool's first application to its last (÷ 365.25). T is the Kaplan–Meier restricted mean tenure of every hire within three years (1,095 days), in years (÷ 365). ρ is the composite's corrected validity. SD_y is sdy_share (default 0.40) times the mean, over the hires used, of their level's salary band midpoint (the band for every level where a level has none). C is the interviewer minutes of a loop (the sum over areas of the mean minutes recorded) over 60 times hourly_cost (default $100). ΔU is linear in ρ, so the ends of ρ's interval give ΔU's interval. The same is computed for the suggested weights and for what-if weights (the same weights at every level). A hiring manager, organisation-wide, gets no C and so no ΔU where any area's minutes are withheld (see Inside a shown answer); the difference between two weightings does not use C and is still shown.",
    formula: 'ΔU = N_s · T · ρ · SD_y · φ(x_c) / SR − N_a · C',
  },
  {
    term: 'When the words claim something',
    text: '"The loop adds about $X a year over hiring at random" only when ΔU\'s whole interval is above 0 (and "costs more than it returns" only when it is below); otherwise the data cannot tell yet. "The suggested weights would add about $Y more" only when Zou\'s 95% interval for the difference between their observed r and the current weights\' r, on the same hires, lies above 0; $Y is the gain of the difference in corrected validity. The suggested weights are learnt from these same hires, so the rule asks the difference to hold beyond chance before it is said. Below 30 hires used, or 10 who stayed or 10 who left, no figure is given.',
    formula: 'ΔU(b) − ΔU(a) = N_s · T · SD_y · φ(x_c) / SR · (ρ_b − ρ_a)',
  },
]

const DISCLOSURE: Definition[] = [
  {
    term: 'Who is restricted',
    text: "A hiring manager sees their own requisitions exactly. Everything else they see (organisation-wide figures) is restricted, and so are the self-identified groups of adverse impact, for every viewer. The aim: no two answers one viewer can get may describe populations that differ by 1 to 9 hires (self-ID: 1 to 4 applicants of a group), since subtracting two such answers could reveal one person's scores, outcome, salary or group.",
  },
  {
    term: 'One date, whole years',
    text: 'A restricted answer is as of the publication date, the last day of the last calendar quarter that ended before today, whatever as_of is asked for; dates of application widen to whole calendar years (one year, or the years since one to the publication year). The answer says what it changed.',
  },
  {
    term: 'The populations that may be shown',
    text: "Each restricted answer describes one box: a level or all, a hire type or all, and a window of years. For each data version Loopscope counts, in every box, the people in every cell an answer could show (applications, hires, those who stayed and who left, each area and the loops with minutes recorded in it, score band, interviewer, red flag, background, level, hire type, compa-ratio and time-to-hire band, and each half-year of application; for self-ID each group selected and not selected), leaving out a manager's own applications, which they could subtract. It then takes the boxes broadest first. A box is shown only with at least 10 hires, 10 who stayed and 10 who left (self-ID: 5 decided applications), and only if, against every box shown before it, each cell both show differs by none or by at least 10 people (self-ID: 5 in any group, shown or pooled). A clash in the hires or outcomes withholds the box and names the one it clashed with; a clash elsewhere only hides that figure in the later box.",
    formula:
      'shown(B) ⇔ floor met and ∀ shown B′, ∀ cell c shown in both: |c(B) Δ c(B′)| = 0 or ≥ 10',
  },
  {
    term: 'Inside a shown answer',
    text: "A figure (an area, an interviewer, a tag, a breakdown by level or band) is shown only when every part of it holds at least 10 people not the viewer's own, and where a part of stayed or left would be empty, not at all. A breakdown whose smallest part is under the floor is withheld whole, since the others would give it away. No smallest or largest salary and no salary histogram is shown: each would be one person's pay. An area's interview minutes (in loop time, incremental validity and panel sizing) are shown only where at least 10 loops of other managers' requisitions recorded minutes in it, or none did, so that the minutes are the viewer's own: where only some loops record minutes, two answers could otherwise differ by one loop's minutes. Figures that add up every area's minutes (loop time's total and shares, the utility's interview cost and the dollar gains resting on it) are withheld while any area's are. Each withheld figure is named, with the reason, above the figures or beside them.",
  },
  {
    term: 'What it does not cover',
    text: 'The control compares the answers of one data version and one publication date. Answers before and after an import, or from one quarter and the next, differ by whatever changed in between, which can be one person; keeping answers across such changes is outside what it prevents.',
  },
]

function DefinitionList({ items }: { items: Definition[] }) {
  return (
    <dl className="definitions">
      {items.map((item) => (
        <div key={item.term}>
          <dt>{item.term}</dt>
          <dd>
            {item.text}
            {item.formula && <code className="formula">{item.formula}</code>}
          </dd>
        </div>
      ))}
    </dl>
  )
}

export function HowItsComputedView() {
  return (
    <article className="view view--prose">
      <header className="view__header">
        <h1>How it's computed</h1>
      </header>
      <section className="panel">
        <h2>The data</h2>
        <DefinitionList items={DATA} />
      </section>
      <section className="panel">
        <h2>The validity table</h2>
        <p>All intervals are 95%. For each area and the outcome "retained twelve months":</p>
        <DefinitionList items={STATISTICS} />
      </section>
      <section className="panel">
        <h2>The other analyses</h2>
        <DefinitionList items={OTHER} />
      </section>
      <section className="panel">
        <h2>What the loop is worth</h2>
        <DefinitionList items={WORTH} />
      </section>
      <section className="panel">
        <h2>What a restricted viewer sees</h2>
        <DefinitionList items={DISCLOSURE} />
      </section>
      <section className="panel">
        <h2>For scale</h2>
        <p>
          Against job performance (not retention), the operational validity of a structured
          interview is about .42 and of an unstructured one about .19 (Sackett et al., 2022);
          Schmidt and Hunter (1998) gave .51 and .38. These are context, not targets for retention.
        </p>
      </section>
    </article>
  )
}
