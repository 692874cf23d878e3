package io.connectionbroker.helpdesk;

import io.connectionbroker.domain.HelpdeskUsers.Administrator;
import io.connectionbroker.domain.HelpdeskUsers.CurrentUser;
import io.connectionbroker.domain.HelpdeskUsers.NotAUser;
import io.connectionbroker.domain.HelpdeskUsers.NotAdministrator;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import io.connectionbroker.helpdesk.HttpHelpdeskUsers.Answer;
import io.connectionbroker.helpdesk.HttpHelpdeskUsers.Calls;
import io.micronaut.json.tree.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Each platform's current-user endpoint, and how its documented answers tell an administrator of the
 * account from another user, or from a credential the helpdesk refuses. The reasons given are for the admin
 * and repeat nothing of the credential or of the helpdesk's answer.
 */
final class CurrentUserAnswers {
    private static final String REFUSED = "the helpdesk refused the credential";
    private static final String REDIRECTED = "the helpdesk answered with a redirect, as it does for an address that"
            + " is not an account's own API; use the account's https://<account>.<platform host> address";
    private static final String NO_ACCOUNT = "no helpdesk account answers at this address";
    private static final String UNDOCUMENTED = "it answered in a way its API documentation does not describe";

    /**
     * Freshdesk's default administrator roles, by the names its API reference gives them ("List All Roles":
     * https://developers.freshdesk.com/api/#list_all_roles).
     */
    static final Set<String> FRESHDESK_ADMIN_ROLES = Set.of("Account Administrator", "Administrator");
    /**
     * Freshservice's default administrator roles ("View all Roles": https://api.freshservice.com/#view_all_roles;
     * its example names them "Account Admin" and "Admin").
     */
    static final Set<String> FRESHSERVICE_ADMIN_ROLES = Set.of("Account Admin", "Admin");

    private CurrentUserAnswers() {
    }

    /**
     * Zendesk, "Show Self", {@code GET /api/v2/users/me.json}
     * (https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self): {@code {"user": {...}}}
     * with {@code role} one of {@code end-user}, {@code agent}, {@code admin}, and {@code url} the user's API
     * address on the account's own host. An unauthenticated request is answered with an anonymous user (no
     * {@code id}); a wrong credential with {@code 401}.
     */
    static CurrentUser zendesk(Calls calls, InstanceUrl instance) {
        Answer me = calls.get("/api/v2/users/me.json");
        CurrentUser refused = refusal(me);
        if (refused != null) {
            return refused;
        }
        JsonNode user = me.body() == null ? null : me.body().get("user");
        if (user == null || !user.isObject()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        if (isNull(user.get("id"))) {
            return new NotAUser(REFUSED);
        }
        JsonNode url = user.get("url");
        if (url == null || !url.isString()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        if (!url.getStringValue().startsWith(instance.value() + "/api/v2/users/")) {
            return new NotAUser("the helpdesk says the credential belongs to another account");
        }
        JsonNode active = user.get("active");
        if (active != null && active.isBoolean() && !active.getBooleanValue()) {
            return new NotAUser("the credential's user is deactivated");
        }
        JsonNode role = user.get("role");
        if (role == null || !role.isString()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        return switch (role.getStringValue()) {
            case "admin" -> new Administrator();
            case "agent", "end-user" -> new NotAdministrator();
            default -> throw new HelpdeskUnavailable(UNDOCUMENTED);
        };
    }

    /**
     * Freshdesk, "View Me", {@code GET /api/v2/agents/me} (https://developers.freshdesk.com/api/#me): the agent
     * at the top level, with {@code role_ids}; then "List All Roles", {@code GET /api/v2/roles}, a list of
     * {@code {"id", "name", "default"}}, which only administrators may read. The agents/me answer names no
     * account: what binds it to this instance is that it came from the instance's own host, redirects refused.
     */
    static CurrentUser freshdesk(Calls calls) {
        Answer me = calls.get("/api/v2/agents/me");
        CurrentUser refused = refusal(me);
        if (refused != null) {
            return refused;
        }
        Set<Long> roleIds = ids(me.body() == null ? null : me.body().get("role_ids"), null);
        return hasAdminRole(calls.get("/api/v2/roles"), roleIds, FRESHDESK_ADMIN_ROLES, null);
    }

    /**
     * Freshservice, "View Me", {@code GET /api/v2/agents/me} (https://api.freshservice.com/#view_me):
     * {@code {"agent": {...}}} with {@code roles}, each {@code {"role_id", "assignment_scope"}} (older answers
     * also give {@code role_ids}); then "View all Roles", {@code GET /api/v2/roles}, {@code {"roles": [...]}},
     * which only administrators may read. As for Freshdesk, the answer names no account.
     */
    static CurrentUser freshservice(Calls calls) {
        Answer me = calls.get("/api/v2/agents/me");
        CurrentUser refused = refusal(me);
        if (refused != null) {
            return refused;
        }
        JsonNode agent = me.body() == null ? null : me.body().get("agent");
        if (agent == null || !agent.isObject()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        Set<Long> roleIds = agent.get("roles") != null ? ids(agent.get("roles"), "role_id") : ids(agent.get("role_ids"), null);
        return hasAdminRole(calls.get("/api/v2/roles?per_page=100"), roleIds, FRESHSERVICE_ADMIN_ROLES, "roles");
    }

    /** The verdict a status other than 200 gives, or null for a 200. */
    private static CurrentUser refusal(Answer answer) {
        int status = answer.status();
        if (status == 200) {
            return null;
        }
        if (answer.isRedirect()) {
            return new NotAUser(REDIRECTED);
        }
        if (status == 401) {
            return new NotAUser(REFUSED);
        }
        if (status == 403) {
            // Authenticated, but not allowed to see this: a user without an agent's or administrator's rights.
            return new NotAdministrator();
        }
        if (status == 404) {
            return new NotAUser(NO_ACCOUNT);
        }
        throw new HelpdeskUnavailable(status == 429 || status >= 500 ? "it is busy or failing" : UNDOCUMENTED);
    }

    private static CurrentUser hasAdminRole(Answer roles, Set<Long> roleIds, Set<String> adminNames, String listField) {
        CurrentUser refused = refusal(roles);
        if (refused != null) {
            return refused instanceof NotAUser ? refused : new NotAdministrator();
        }
        JsonNode list = roles.body() == null ? null : listField == null ? roles.body() : roles.body().get(listField);
        if (list == null || !list.isArray()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        for (JsonNode role : list.values()) {
            JsonNode id = role.get("id");
            JsonNode name = role.get("name");
            JsonNode isDefault = role.get("default");
            if (id == null || !id.isNumber() || name == null || !name.isString()) {
                throw new HelpdeskUnavailable(UNDOCUMENTED);
            }
            if (roleIds.contains(id.getLongValue()) && adminNames.contains(name.getStringValue())
                    && isDefault != null && isDefault.isBoolean() && isDefault.getBooleanValue()) {
                return new Administrator();
            }
        }
        return new NotAdministrator();
    }

    /** The numbers of an array, or of one field of each object in it. */
    private static Set<Long> ids(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw new HelpdeskUnavailable(UNDOCUMENTED);
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode item : array.values()) {
            JsonNode id = field == null ? item : item.get(field);
            if (id == null || !id.isNumber()) {
                throw new HelpdeskUnavailable(UNDOCUMENTED);
            }
            ids.add(id.getLongValue());
        }
        return ids;
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }
}
