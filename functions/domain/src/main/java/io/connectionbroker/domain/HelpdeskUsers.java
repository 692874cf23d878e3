package io.connectionbroker.domain;

/**
 * The port to the helpdesks' own APIs: who a credential belongs to, as the helpdesk at an instance URL says.
 * An adapter calls only that instance's own host, sends the credential nowhere else and keeps nothing.
 */
public interface HelpdeskUsers {

    /**
     * @throws HelpdeskUnavailable when the helpdesk cannot be asked now (unreachable, failing, too slow, or
     *                             answering in a way its documentation does not describe)
     */
    CurrentUser currentUser(InstanceUrl instance, Proof proof);

    /** What the helpdesk said of the credential's user. */
    sealed interface CurrentUser {
    }

    /** An administrator of that very account. */
    record Administrator() implements CurrentUser {
    }

    /** A valid user of the account who does not administer it. */
    record NotAdministrator() implements CurrentUser {
    }

    /**
     * The helpdesk refused the credential, or it belongs to no user of this account.
     *
     * @param reason what the admin should check, in words that repeat nothing of the credential or the answer
     */
    record NotAUser(String reason) implements CurrentUser {
    }
}
