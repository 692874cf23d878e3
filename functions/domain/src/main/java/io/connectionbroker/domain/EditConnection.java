package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionChanged;
import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.PreconditionRequired;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Either side renames a connection or rewrites its description, from the read it names by tag (If-Match), so an
 * edit never undoes one made since that read.
 */
public final class EditConnection {
    /** The tag that matches whatever is stored (HTTP's {@code If-Match: *}). */
    public static final String ANY = "*";

    private final ConnectionStore store;
    private final ViewConnection view;
    private final Clock clock;

    public EditConnection(ConnectionStore store, Clock clock) {
        this.store = store;
        this.view = new ViewConnection(store, clock);
        this.clock = clock;
    }

    /**
     * What to change; a field not sent stays as it is.
     *
     * @param description the new description, or null to remove it
     */
    public record Edit(boolean nameSent, String name, boolean descriptionSent, String description) {
    }

    /**
     * @param ifMatch the tags of the reads the edit was made from ({@link #ANY} for any), or null when none was
     *                sent
     * Refuses with InvalidRequest for text initiating would refuse or nothing to change,
     * {@link PreconditionRequired} without tags, {@link ConnectionNotFound} unless the caller is a side, and
     * {@link ConnectionChanged} when no tag is the current one.
     */
    public Decision<Connection> edit(Instance caller, String connectionId, Set<String> ifMatch, Edit edit) {
        FieldErrors checks = new FieldErrors();
        if (edit.nameSent() && edit.name() == null) {
            checks.reject("name", "must be a name, one line of at most " + Texts.NAME_MAX
                    + " characters; leave it out to keep the current one");
        }
        String name = edit.nameSent() && edit.name() != null
                ? checks.valid(() -> Texts.optionalLine("name", edit.name(), Texts.NAME_MAX)) : null;
        String description = edit.descriptionSent()
                ? checks.valid(() -> Texts.description("description", edit.description())) : null;
        if (!edit.nameSent() && !edit.descriptionSent()) {
            checks.reject("name", "or description is required: send what to change");
        }
        checks.throwIfInvalid();
        if (ifMatch == null) {
            return Decision.refuse(new PreconditionRequired("the connection (GET /v1/connections/{id})"));
        }
        return Decision.of(() -> {
            Connection stored = view.stored(caller, connectionId);
            Instant now = clock.instant();
            if (!ifMatch.contains(ANY) && !ifMatch.contains(view.tag(stored.asSeenAt(now), caller))) {
                return Decision.refuse(new ConnectionChanged());
            }
            Connection edited = stored.edited(edit.nameSent() ? name : stored.name(),
                    edit.descriptionSent() ? description : stored.description(),
                    now.truncatedTo(ChronoUnit.MILLIS));
            // A lost commit means another change landed since the read: deciding again finds the tag stale.
            return Decision.change(edited.asSeenAt(now), (kept, actor) -> store.replaceConnection(edited,
                    java.util.List.of(Event.about(edited, EventType.CONNECTION_EDITED, actor, edited.updatedAt(),
                            Event.data("name", edited.name(), "description", edited.description()))), kept),
                    ConnectionChanged::new);
        });
    }
}
