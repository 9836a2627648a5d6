package nl.rijksdienst.kpi.observation;

/**
 * Who states a figure in the cited sentence. A parliamentary letter is a dialogue: members of
 * parliament ask, often quoting numbers, and the minister answers. A members' number is never the
 * government's; a third party's (a research institute, a dashboard, CBS) is the minister citing it.
 */
public enum Speaker {
    /** The minister, in the answer. */
    minister,
    /** Members of parliament, in their question; statedByName names the group (D66-fractie, CDA-fractie, …). */
    members,
    /** A third party the source cites; statedByName names it (WODC, dashboard externe inhuur, …). */
    third_party
}
