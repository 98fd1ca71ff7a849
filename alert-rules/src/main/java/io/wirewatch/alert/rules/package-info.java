/**
 * The alert rules as plain Java, with no Kafka types: given what is stored for an event (or a place) and one
 * {@code EnrichedArticle}, they return the alerts to emit and the state to store. The Streams topology only moves
 * records between them and the state stores.
 *
 * <p>Design decisions, in one place:
 * <ul>
 *   <li><b>Diplomatic event identity</b> is (canonical actor, {@link io.wirewatch.alert.rules.ActionFamily}, canonical
 *       target). Recalling ambassadors, expelling envoys, closing an embassy and reducing the diplomatic presence are
 *       one family ({@code DOWNGRADE}): the same actor doing several of them to the same target within the novelty
 *       window is one alert whose headline lists them ("GCC withdraws ambassadors from Syria and expels Syrian
 *       envoys"). A later escalation inside the window (an embassy closed after a recall) is an UPDATE that adds the
 *       action and may raise the severity; breaking relations is its own family, so it is a NEW alert.</li>
 *   <li><b>Alert ids</b> are readable and derived from the identity plus the first event date:
 *       {@code dip-gulf-cooperation-council-downgrade-syria-2012-02-07}, {@code cas-homs-2012-02-06},
 *       {@code cas-syria-2012-02-03-total} (a running-total jump). The id is kept in the state, so every later
 *       article updates the same id whatever date it gives.</li>
 *   <li><b>Novelty window</b>: event time (the action's date, else the article's publication date), 30 days by
 *       default, counted from the latest date reported for the event.</li>
 *   <li><b>Groups</b>: a group actor (GCC) is one alert naming the group, with {@code actorMembers} from extraction
 *       or {@link io.wirewatch.alert.rules.ActorNames#knownMembers}. States acting separately (the UK, France, Italy,
 *       Belgium, the Netherlands and Spain recalling their ambassadors) get one alert each, so that each is
 *       corroborated, dated and updated on its own.</li>
 *   <li><b>Only news raises</b>: only ASSERTED raises; BACKGROUND corroborates an event already raised and raises
 *       nothing for an event never seen (the vetoes of 4 February, which every seed tells only as context).
 *       THREATENED, PLANNED, NEGATED and REVERSED are ignored. An action with no resolved target raises nothing
 *       (a veto excepted: its object is a draft resolution).</li>
 *   <li><b>Casualty spikes</b> are per place and day of KILLED, DAY figures; the day's toll is the figure most
 *       articles give; the baseline is the average toll of the place's reported days among the previous
 *       {@code baselineDays} (days without reports are unknown, not zero), fixed when the spike is raised. A report
 *       of an earlier day that no article gave before (the seeds' "more than 200 killed on Friday night" in Homs) is
 *       a new spike of that day: late news of a massacre is still news.</li>
 *   <li><b>Bounded alerts</b>: an alert carries the evidence of the first 3 and the latest 17 supporting articles
 *       and at most 50 outlets, while {@code sources} counts all of them, so a story reported thousands of times
 *       never outgrows Kafka's message limit ({@link io.wirewatch.alert.rules.EvidenceLimits}).</li>
 *   <li><b>Idempotence</b>: an article already counted for an event or a day changes nothing, so a re-delivered or
 *       re-enriched article raises no second UPDATE.</li>
 * </ul>
 */
package io.wirewatch.alert.rules;
