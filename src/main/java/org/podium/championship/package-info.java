/**
 * Championship standings: series rules as data ({@link org.podium.championship.SeriesRules}, loaded
 * from {@code config/series/*.yaml}), adjustments ({@link org.podium.championship.Adjustments}), and
 * the pure function {@link org.podium.championship.StandingsCalculator#compute} from the current
 * classifications to every table of a season. No I/O besides reading config files, no Camel.
 *
 * <p>Where the published rules leave a choice, Podium's is:
 * <ul>
 *   <li>Points go by place among the classified cars of the scope being scored (overall, class or
 *       cup). Where a feed has no status column, or a series does not go by it, a car is classified
 *       when it covered the series' share of the laps of that scope's winner (class winner for a
 *       class table, cup winner for a cup table).</li>
 *   <li>A qualifying session without a race number sets the grid of every pole-scoring race of its
 *       round that has no numbered qualifying of its own.</li>
 *   <li>Half points and no-points apply to race points; a pole point stands, as it was earned in
 *       qualifying.</li>
 *   <li>A team scored {@code best-car} takes, per race, the car with the most points for that race,
 *       pole included; count-back counts that car's place. A team scored {@code all-cars} counts
 *       every car's place.</li>
 *   <li>Count-back and wins count places in every points-scoring race of the calendar, the 6 and 12
 *       hour stages of a 24-hour race included.</li>
 *   <li>A deduction applies from the round it names (or the latest round in, where it names none or
 *       a later one); an exclusion applies to the whole season.</li>
 * </ul>
 */
package org.podium.championship;
