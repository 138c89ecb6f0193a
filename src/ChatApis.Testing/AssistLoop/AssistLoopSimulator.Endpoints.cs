using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing.AssistLoop;

// The API endpoints. Each runs under the simulator's lock, after authentication, scope and rate checks.
public sealed partial class AssistLoopSimulator
{
    private const int MaxExternalIdLength = 255;

    private IResult Agents(string organizationUuid) => organizationUuid switch
    {
        MakeOrganizationUuid => Json(AssistLoopSeed.MakeAgents),
        MakeSecondOrganizationUuid => Json("[]"),
        OrganizationUuid => Json(AssistLoopSeed.ExampleOrganizationAgents),
        _ => Error(404, "Organization not found", "The requested organization could not be found or you don't have access to it."),
    };

    private IResult Subscribe(JsonObject body)
    {
        var organization = Text(body, "organization_uuid");
        var agentUuid = Text(body, "agent_uuid");
        var target = Text(body, "target_url");
        var type = Text(body, "event");
        var platform = Text(body, "platform");
        var externalId = body["external_id"];
        if (string.IsNullOrEmpty(organization))
        {
            return Invalid("The organization_uuid field is required.");
        }

        if (string.IsNullOrEmpty(agentUuid))
        {
            return Invalid("The agent_uuid field is required.");
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var targetUri)
            || !(targetUri.Scheme == Uri.UriSchemeHttps || (targetUri.Scheme == Uri.UriSchemeHttp && targetUri.IsLoopback)))
        {
            return Invalid("The target_url must be a valid HTTPS URL.");
        }

        if (type is not ("new_conversation" or "human_handoff_required"))
        {
            return Invalid("The selected event is invalid. It must be one of: new_conversation, human_handoff_required.");
        }

        if (platform is not ("zapier" or "make"))
        {
            return Invalid("The selected platform is invalid. It must be zapier or make.");
        }

        string? external = null;
        if (externalId is not null)
        {
            external = externalId is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (external is null)
            {
                return Invalid("The external_id must be a string.");
            }

            if (external.Length > MaxExternalIdLength)
            {
                return Invalid("The external_id may not be greater than 255 characters.");
            }
        }

        if (!_agents.TryGetValue(agentUuid, out var agent) || agent.OrganizationUuid != organization)
        {
            return Error(404, "Agent not found", "The requested agent could not be found in that organization or you don't have access to it.");
        }

        var subscription = new AssistLoopSimulatorSubscription(
            NewId("whk_"), organization, agentUuid, targetUri, type, platform, external, "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        _subscriptions[subscription.Id] = subscription;
        var answer = new JsonObject
        {
            ["data"] = new JsonObject { ["id"] = subscription.Id, ["secret"] = subscription.Secret },
            ["message"] = "Webhook subscribed successfully",
        };
        return Json(answer.ToJsonString());
    }

    private IResult Unsubscribe(string id) => _subscriptions.Remove(id)
        ? Json("""{"data":null,"message":"Webhook unsubscribed successfully"}""")
        : Error(404, "Webhook not found", "The requested webhook subscription could not be found or you don't have access to it.");

    private IResult ListConversations(HttpContext http, string agentUuid)
    {
        var query = http.Request.Query;
        bool? open = null;
        if (query.ContainsKey("status"))
        {
            open = query["status"].ToString() switch
            {
                "1" => true,
                "0" => false,
                _ => null,
            };
            if (open is null)
            {
                return Invalid("The status must be 0 (closed) or 1 (open).");
            }
        }

        var mode = query.ContainsKey("response_mode") ? query["response_mode"].ToString() : null;
        if (mode is not (null or "ai" or "human"))
        {
            return Invalid("The selected response_mode is invalid. It must be ai or human.");
        }

        if (!TryDate(http, "created_from", out var from) || !TryDate(http, "created_to", out var to))
        {
            return Invalid("The created_from and created_to must be ISO 8601 dates.");
        }

        if (!TryPerPage(http, out var perPage))
        {
            return Invalid("The per_page must be an integer between 10 and 100.");
        }

        if (!_agents.ContainsKey(agentUuid))
        {
            return Error(404, "Agent not found", "The requested agent could not be found or you don't have access to it.");
        }

        var items = _conversations.Values
            .Where(c => c.Agent.Uuid == agentUuid)
            .Where(c => open is null || c.IsOpen == open)
            .Where(c => mode is null || c.ResponseMode == mode)
            .Where(c => (from is null || c.CreatedAt >= from) && (to is null || c.CreatedAt <= to))
            .OrderByDescending(c => c.CreatedAt)
            .Take(perPage)
            .Select(c => c.Json);
        return Json("[" + string.Join(",", items) + "]");
    }

    private IResult RecentSample(HttpContext http, string agentUuid)
    {
        var limit = 5;
        if (http.Request.Query.ContainsKey("limit")
            && (!int.TryParse(http.Request.Query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10))
        {
            return Invalid("The limit must be an integer between 1 and 10.");
        }

        var type = http.Request.Query.ContainsKey("type") ? http.Request.Query["type"].ToString() : "new_conversation";
        if (type is not ("new_conversation" or "human_handoff_required"))
        {
            return Invalid("The selected type is invalid. It must be new_conversation or human_handoff_required.");
        }

        if (!_agents.TryGetValue(agentUuid, out var agent))
        {
            return Error(404, "Agent not found", "The requested agent could not be found or you don't have access to it.");
        }

        var samples = Enumerable.Reverse(agent.Samples).Where(s => s.Type == type).Take(limit).Select(s => s.Json);
        return Json("[" + string.Join(",", samples) + "]");
    }

    private IResult Close(string conversationUuid, JsonObject body)
    {
        var platform = Text(body, "platform");
        if (platform is not ("zapier" or "make"))
        {
            return Invalid("The platform field is required and must be zapier or make.");
        }

        if (!_conversations.TryGetValue(conversationUuid, out var conversation))
        {
            return ConversationNotFound();
        }

        conversation.ClosedVia = platform;
        if (conversation.IsOpen)
        {
            var now = Time.GetUtcNow();
            conversation.Update(c =>
            {
                c["status"] = false;
                if (c.ContainsKey("updated_at"))
                {
                    c["updated_at"] = MessageTime(now);
                }
            });
        }

        return Json(new JsonObject { ["status"] = "conversation_closed", ["platform"] = platform }.ToJsonString());
    }

    private IResult FindMessages(HttpContext http, string conversationUuid)
    {
        if (!TryDate(http, "created_from", out var from) || !TryDate(http, "created_to", out var to))
        {
            return Invalid("The created_from and created_to must be ISO 8601 dates.");
        }

        if (!TryPerPage(http, out var perPage))
        {
            return Invalid("The per_page must be an integer between 10 and 100.");
        }

        if (!_conversations.TryGetValue(conversationUuid, out var conversation))
        {
            return ConversationNotFound();
        }

        var items = NewestFirst(conversation.Messages)
            .Where(m => (from is null || m.CreatedAt >= from) && (to is null || m.CreatedAt <= to))
            .Take(perPage)
            .Select(m => m.Json);
        return Json("[" + string.Join(",", items) + "]");
    }

    private IResult Reply(string conversationUuid, JsonObject body)
    {
        var content = Text(body, "content");
        if (string.IsNullOrWhiteSpace(content))
        {
            return Invalid("The content field is required.");
        }

        if (!_conversations.TryGetValue(conversationUuid, out var conversation))
        {
            return ConversationNotFound();
        }

        var now = Time.GetUtcNow();
        var message = AddMessageLocked(conversation, content, "agent", "human_assistant", "John Doe", now);
        conversation.Update(c =>
        {
            c["response_mode"] = "human";
            if (c.ContainsKey("updated_at"))
            {
                c["updated_at"] = MessageTime(now);
            }
        });
        return Json(new JsonObject { ["status"] = "sent", ["message_id"] = message.Id }.ToJsonString());
    }

    private static IResult Invalid(string message) => Error(422, "Validation failed", message);

    private static IResult ConversationNotFound() =>
        Error(404, "Conversation not found", "The requested conversation could not be found or you don't have access to it.");

    private static bool TryPerPage(HttpContext http, out int perPage)
    {
        perPage = 20;
        return !http.Request.Query.ContainsKey("per_page")
            || (int.TryParse(http.Request.Query["per_page"].ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out perPage) && perPage is >= 10 and <= 100);
    }

    private static bool TryDate(HttpContext http, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!http.Request.Query.ContainsKey(name))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(http.Request.Query[name].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
