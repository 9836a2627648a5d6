package nl.rijksdienst.kpi.common;

/** The role that may write, as a property expression for {@code @RolesAllowed} (config {@code kpi.auth.editor-role}). */
public final class Roles {

    public static final String EDITOR = "${kpi.auth.editor-role}";

    private Roles() {
    }
}
