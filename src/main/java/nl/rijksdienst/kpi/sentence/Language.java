package nl.rijksdienst.kpi.sentence;

/** The languages a sentence is written in. */
public enum Language {
    nl, en
}
