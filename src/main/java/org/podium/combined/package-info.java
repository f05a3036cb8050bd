/**
 * Classifications across series: team identity by stated rules and {@code config/aliases.yaml}
 * ({@link org.podium.combined.TeamIdentity}), and the pure function
 * {@link org.podium.combined.CombinedCalculator#compute} from several seasons' standings to one
 * classification of teams (docs/rules.md, B; no official definition was ever published, so the rule is
 * Podium's, as configuration). No I/O besides reading config files, no Camel.
 *
 * <p>Where the rule leaves a choice, Podium's is:
 * <ul>
 *   <li>A team's score in a series is the points of its best car in the counting table, as a share
 *       of the most one car could score in the season (the table's {@code maxSeasonPoints}); the
 *       combined score is the sum of the shares, compared unrounded and printed to the configured
 *       decimals.</li>
 *   <li>A team started a round when any of its cars is in a race classification of the round with a
 *       status other than did-not-start. An excluded car does not count.</li>
 *   <li>Count-back takes, per race of every counting table, the place of the team's best car.</li>
 *   <li>A team is named by its alias group, else by its first spelling (series in configured order)
 *       that is not all in capitals.</li>
 *   <li>Names whose normalised forms are close but differ are reported, never merged; a pair that
 *       one series shows side by side is not reported, being evidently two teams.</li>
 * </ul>
 */
package org.podium.combined;
