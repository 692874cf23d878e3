package io.connectionbroker.helpdesk.standin;

import io.connectionbroker.helpdesk.standin.StandInHelpdesks.Answer;

/**
 * The answers of the platforms' current-user and roles endpoints, shaped as their API references show them
 * (Zendesk "Show Self", Freshdesk "View Me" and "List All Roles", Freshservice "View Me" and "View all Roles").
 *
 * @see <a href="https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self">Zendesk</a>
 * @see <a href="https://developers.freshdesk.com/api/#me">Freshdesk</a>
 * @see <a href="https://api.freshservice.com/#view_me">Freshservice</a>
 */
final class DocumentedAnswers {
    private static final Answer NOT_FOUND = new Answer(404, "{\"error\": \"not found\"}");
    private static final String FRESHWORKS_REFUSED = "{\"code\": \"invalid_credentials\", \"message\":"
            + " \"You have to be logged in to perform this action.\"}";
    private static final String FRESHWORKS_DENIED = "{\"code\": \"access_denied\", \"message\":"
            + " \"You are not authorized to perform this action.\"}";

    private DocumentedAnswers() {
    }

    /** @param role {@code admin}, {@code agent}, {@code other-account} or {@code refused} */
    static Answer zendesk(String path, String host, String role) {
        if (!path.equals("/api/v2/users/me.json")) {
            return NOT_FOUND;
        }
        return switch (role) {
            case "admin", "agent" -> new Answer(200, zendeskUser(host, role));
            case "other-account" -> new Answer(200, zendeskUser("someone-else.zendesk.com", "admin"));
            default -> new Answer(401, "{\"error\": \"Couldn't authenticate you\"}");
        };
    }

    static String zendeskUser(String host, String role) {
        return """
                {"user": {"id": 35436, "url": "https://%s/api/v2/users/35436.json", "name": "Johnny Agent",
                  "email": "johnny@example.com", "created_at": "2009-07-20T22:55:29Z",
                  "updated_at": "2011-05-05T10:38:52Z", "time_zone": "Copenhagen", "iana_time_zone": "Europe/Copenhagen",
                  "phone": "+15551234567", "shared_phone_number": false, "photo": null, "locale_id": 1,
                  "locale": "en-US", "organization_id": 57542, "role": "%s", "verified": true, "active": true,
                  "authenticity_token": "<omitted>"}}""".formatted(host, role);
    }

    static Answer freshdesk(String path, String role) {
        if (role.equals("refused")) {
            return new Answer(401, FRESHWORKS_REFUSED);
        }
        return switch (path) {
            case "/api/v2/agents/me" -> new Answer(200, """
                    {"available": true, "occasional": false, "signature": null, "group_ids": [4],
                     "role_ids": [%d], "skill_ids": [1], "id": 432, "ticket_scope": 1,
                     "created_at": "2015-08-28T11:47:58Z", "updated_at": "2015-08-28T11:47:58Z",
                     "available_since": null, "type": "support_agent",
                     "contact": {"active": true, "email": "clark.kent@example.com", "job_title": "Journalist",
                       "language": "en", "last_login_at": null, "mobile": null, "name": "Clark Kent", "phone": null,
                       "time_zone": "Chennai", "created_at": "2015-08-28T09:08:16Z",
                       "updated_at": "2015-08-28T11:47:58Z"}}""".formatted(role.equals("admin") ? 1 : 4));
            case "/api/v2/roles" -> role.equals("admin") ? new Answer(200, """
                    [{"id": 1, "name": "Account Administrator", "description": "Has complete control over the help desk",
                      "default": true, "created_at": "2016-02-29T06:32:28Z", "updated_at": "2016-02-29T06:32:28Z"},
                     {"id": 2, "name": "Administrator", "description": "Can configure all features through the Admin tab",
                      "default": true, "created_at": "2016-02-29T06:32:28Z", "updated_at": "2016-02-29T06:32:28Z"},
                     {"id": 3, "name": "Supervisor", "description": "Can perform all agent related activities",
                      "default": true, "created_at": "2016-02-29T06:32:28Z", "updated_at": "2016-02-29T06:32:28Z"},
                     {"id": 4, "name": "Agent", "description": "Can log, view, reply, update and resolve tickets",
                      "default": true, "created_at": "2016-02-29T06:32:28Z", "updated_at": "2016-02-29T06:32:28Z"}]""")
                    : new Answer(403, FRESHWORKS_DENIED);
            default -> NOT_FOUND;
        };
    }

    static Answer freshservice(String path, String role) {
        if (role.equals("refused")) {
            return new Answer(401, FRESHWORKS_REFUSED);
        }
        long roleId = role.equals("admin") ? 21000150292L : 21000150295L;
        return switch (path) {
            case "/api/v2/agents/me" -> new Answer(200, """
                    {"agent": {"active": true, "address": null, "auto_assign_tickets": true,
                      "created_at": "2022-08-29T14:17:02Z", "department_ids": [], "email": "rachel@example.com",
                      "first_name": "Rachel", "has_logged_in": true, "id": 21000418008, "job_title": null,
                      "language": "en", "last_name": null, "location_id": null, "occasional": false,
                      "role_ids": [%d],
                      "roles": [{"role_id": %d, "assignment_scope": "entire_helpdesk", "groups": []}],
                      "time_zone": "Eastern Time (US & Canada)", "updated_at": "2022-09-29T10:19:47Z"}}"""
                    .formatted(roleId, roleId));
            case "/api/v2/roles" -> role.equals("admin") ? new Answer(200, """
                    {"roles": [
                      {"id": 21000150292, "name": "Account Admin", "description": "Has complete control over the help desk",
                       "default": true, "scopes": {}, "created_at": "2022-08-29T14:16:59Z", "updated_at": "2022-09-29T10:19:47Z"},
                      {"id": 21000150293, "name": "Admin", "description": "Can configure all features through the Admin tab",
                       "default": true, "scopes": {}, "created_at": "2022-08-29T14:16:59Z", "updated_at": "2022-09-29T10:19:47Z"},
                      {"id": 21000150295, "name": "SD Agent", "description": "Can log, view, reply, update and resolve tickets",
                       "default": true, "scopes": {}, "created_at": "2022-08-29T14:16:59Z", "updated_at": "2022-09-29T10:19:47Z"}]}""")
                    : new Answer(403, FRESHWORKS_DENIED);
            default -> NOT_FOUND;
        };
    }
}
