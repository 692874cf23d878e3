package io.connectionbroker.domain;

import java.util.List;

/**
 * A versioned set of sync rules: what one side sends (outgoing) and receives (incoming). A shared set
 * (Visual, Basic) is kept from the source's point of view; the destination sees it reversed.
 */
public record RuleSet(int version, List<SyncRule> outgoing, List<SyncRule> incoming) {
    public RuleSet {
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
    }

    /** The same rules as the other side sees them. */
    RuleSet reversed() {
        return new RuleSet(version, incoming, outgoing);
    }

    /** Whose rules a stored set is: one side's (Script), or both sides' (Visual, Basic). */
    public enum Owner {
        SOURCE, DESTINATION, SHARED
    }
}
