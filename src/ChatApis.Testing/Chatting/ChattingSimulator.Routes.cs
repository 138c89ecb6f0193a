using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoredAnswer = ChatApis.Testing.Chatting.ChattingIdempotencyStore.StoredAnswer;

namespace ChatApis.Testing.Chatting;

// The HTTP side: authentication, idempotency and one handler per endpoint. Handlers run under _lock.
public sealed partial class ChattingSimulator
{
    private const string Root = "/api/zapier";
    private const int DefaultSampleLimit = 10;
    private const int MaxSampleLimit = 50;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Events = ["conversation.created", "conversation.resolved", "contact.created", "tag.added"];
    private static readonly string[] ConversationEvents = ["conversation.created", "conversation.resolved", "tag.added"];

    // Explicit return types: an async lambda taking only HttpContext would otherwise bind to
    // RequestDelegate, and the IResult it returns would be dropped (an empty 200).
    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Root + "/me", (HttpContext http) => Handle(http, "", (workspace, _) => Me(workspace)));
        routes.MapPost(Root + "/webhooks/subscribe", async Task<IResult> (HttpContext http) => Handle(http, await BodyAsync(http), Subscribe));
        routes.MapDelete(Root + "/webhooks/{id}", (HttpContext http, string id) => Handle(http, "", (workspace, _) => Unsubscribe(workspace, id)));
        routes.MapGet(Root + "/conversations", (HttpContext http) => Handle(http, "", (workspace, _) =>
            Samples(http, workspace, Query(http, "event") is { Length: > 0 } e ? e : "conversation.created", ConversationEvents)));
        routes.MapGet(Root + "/contacts", (HttpContext http) => Handle(http, "", (workspace, _) => Samples(http, workspace, "contact.created", ["contact.created"])));
        routes.MapPost(Root + "/contacts", async Task<IResult> (HttpContext http) => Handle(http, await BodyAsync(http), CreateContact, idempotent: true));
        routes.MapPost(Root + "/contacts/{id}/tags", async (HttpContext http, string id) =>
            Handle(http, await BodyAsync(http), (workspace, body) => AddTag(workspace, id, body), idempotent: true));
        routes.MapPost(Root + "/conversations/{id}/messages", async (HttpContext http, string id) =>
            Handle(http, await BodyAsync(http), (workspace, body) => SendMessage(workspace, id, body), idempotent: true));
    }

    // Authenticates, applies idempotency for the create-style actions, and runs the handler under the lock.
    private IResult Handle(HttpContext http, string body, Func<ChattingWorkspace, string, StoredAnswer> handler, bool idempotent = false)
    {
        var apiKey = http.Request.Headers["X-API-Key"].ToString();
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return Answer(Error(401, "api-key-missing"));
        }

        lock (_lock)
        {
            if (!_workspaces.TryGetValue(apiKey, out var workspace))
            {
                return Answer(Error(401, "api-key-invalid"));
            }

            var key = IdempotencyKey(http);
            if (!idempotent || key is null)
            {
                return Answer(handler(workspace, body));
            }

            var fingerprint = $"{http.Request.Method} {http.Request.Path}\n{body}";
            switch (_idempotency.Check(apiKey, key, fingerprint, out var stored))
            {
                case ChattingIdempotencyStore.Outcome.Replay:
                    return Answer(stored);
                case ChattingIdempotencyStore.Outcome.Conflict:
                    return Answer(Error(409, "idempotency-key-conflict"));
            }

            var answer = handler(workspace, body);
            _idempotency.Store(apiKey, key, fingerprint, answer);
            return Answer(answer);
        }
    }

    private static StoredAnswer Me(ChattingWorkspace workspace) => workspace.Id == WorkspaceId
        ? new(200, ChattingSeed.Me)
        : Ok(200, new JsonObject { ["workspace_id"] = workspace.Id, ["team_name"] = workspace.TeamName, ["owner_email"] = workspace.OwnerEmail });

    private StoredAnswer Subscribe(ChattingWorkspace workspace, string body)
    {
        var json = ParseObject(body);
        var @event = Text(json, "event");
        var target = Text(json, "target_url");
        if (@event is null || !Events.Contains(@event) || !IsHttpUrl(target))
        {
            return Error(400, "invalid-subscription");
        }

        if (_subscribeFailures > 0)
        {
            _subscribeFailures--;
            return Error(500, "subscription-save-failed");
        }

        var existing = _subscriptions.Find(s => s.WorkspaceId == workspace.Id && s.Event == @event && s.TargetUrl == target);
        var subscription = existing is null
            ? new SimulatedSubscription($"wh_{_nextWebhook++}", workspace.Id, @event, target!, Active: true)
            : existing with { Active = true };
        if (existing is null)
        {
            _subscriptions.Add(subscription);
        }
        else
        {
            Replace(_subscriptions, existing, subscription);
        }

        return Ok(201, new JsonObject { ["id"] = subscription.Id, ["event"] = @event, ["active"] = true });
    }

    private StoredAnswer Unsubscribe(ChattingWorkspace workspace, string id)
    {
        var existing = _subscriptions.Find(s => s.WorkspaceId == workspace.Id && s.Id == id);
        if (existing is null)
        {
            return Error(404, "not-found");
        }

        Replace(_subscriptions, existing, existing with { Active = false });
        return Ok(200, new JsonObject { ["id"] = id, ["active"] = false });
    }

    // The sample endpoints answer a bare array (no envelope), newest first, limit defaulting to 10 and clamped to 1..50.
    private StoredAnswer Samples(HttpContext http, ChattingWorkspace workspace, string @event, string[] allowed)
    {
        var limit = int.TryParse(Query(http, "limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked)
            ? Math.Clamp(asked, 1, MaxSampleLimit)
            : DefaultSampleLimit;
        var payloads = allowed.Contains(@event)
            ? _triggers.Where(t => t.WorkspaceId == workspace.Id && t.Event == @event).Reverse().Take(limit).Select(t => t.Json)
            : [];
        return new(200, "[" + string.Join(",", payloads) + "]");
    }

    private StoredAnswer CreateContact(ChattingWorkspace workspace, string body)
    {
        var json = ParseObject(body);
        var email = Text(json, "email")?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return Error(400, "missing-email");
        }

        if (!workspace.HasPrimarySite)
        {
            return Error(409, "workspace-site-missing");
        }

        var failure = _contactFailures.Count > 0 ? _contactFailures.Dequeue() : null;
        switch (failure)
        {
            case "contact-site-forbidden":
                return Error(403, failure);
            case "contact-save-failed":
                return Error(500, failure);
        }

        _contactWrites++;
        var contact = UpsertContact(workspace, email, json!);
        return failure is not null
            ? Error(404, failure)
            : Ok(201, new JsonObject { ["id"] = contact.Id, ["email"] = contact.Email, ["name"] = contact.Name, ["created_at"] = ChattingTriggerPayload.Timestamp(contact.CreatedAt) });
    }

    // The contact id is stable for the same email: an existing contact is updated with what was sent.
    private SimulatedContact UpsertContact(ChattingWorkspace workspace, string email, JsonObject json)
    {
        var tags = json["tags"] is JsonArray array ? array.Select(t => t is null ? null : Scalar(t)).OfType<string>().ToList() : [];
        var fields = json["customFields"] is JsonObject custom
            ? custom.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => Scalar(f.Value!), StringComparer.Ordinal)
            : [];
        var existing = _contacts.Find(c => c.WorkspaceId == workspace.Id && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            var merged = existing.CustomFields.ToDictionary(StringComparer.Ordinal);
            foreach (var (key, value) in fields)
            {
                merged[key] = value;
            }

            var updated = existing with
            {
                Name = Text(json, "name") ?? existing.Name,
                Phone = Text(json, "phone") ?? existing.Phone,
                Company = Text(json, "company") ?? existing.Company,
                Status = Text(json, "status") ?? existing.Status,
                Tags = [.. existing.Tags.Union(tags, StringComparer.Ordinal)],
                CustomFields = merged,
            };
            Replace(_contacts, existing, updated);
            return updated;
        }

        var contact = new SimulatedContact(
            $"contact_{_nextContact++}", workspace.Id, email, Text(json, "name"), Text(json, "phone"), Text(json, "company"), Text(json, "status"),
            [.. tags.Distinct(StringComparer.Ordinal)], fields, Time.GetUtcNow());
        _contacts.Add(contact);
        Emit(workspace.Id, "contact.created", ChattingTriggerPayload.Build(
            "contact.created",
            contact.CreatedAt,
            ("contact_id", contact.Id),
            ("email", contact.Email),
            ("name", contact.Name),
            ("company", contact.Company),
            ("source", "zapier")));
        return contact;
    }

    private StoredAnswer AddTag(ChattingWorkspace workspace, string contactId, string body)
    {
        var tag = Text(ParseObject(body), "tag")?.Trim();
        if (string.IsNullOrEmpty(tag))
        {
            return Error(400, "missing-tag");
        }

        var contact = _contacts.Find(c => c.Id == contactId);
        if (contact is null)
        {
            return Error(404, "not-found");
        }

        if (contact.WorkspaceId != workspace.Id)
        {
            return Error(403, "contact-site-forbidden");
        }

        if (!contact.Tags.Contains(tag, StringComparer.Ordinal))
        {
            Replace(_contacts, contact, contact with { Tags = [.. contact.Tags, tag] });
            var conversation = _conversations.FindLast(c => c.WorkspaceId == workspace.Id && string.Equals(c.VisitorEmail, contact.Email, StringComparison.OrdinalIgnoreCase));
            EmitTagAdded(workspace.Id, conversation?.Id, tag, workspace.OwnerEmail);
        }

        return Ok(200, new JsonObject { ["id"] = contactId, ["tag"] = tag });
    }

    private StoredAnswer SendMessage(ChattingWorkspace workspace, string conversationId, string body)
    {
        var json = ParseObject(body);
        var text = Text(json, "message");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(400, "missing-message");
        }

        var conversation = FindConversation(workspace.Id, conversationId);
        if (conversation is null)
        {
            return Error(404, "not-found");
        }

        // The answer echoes "system" only when asked for; otherwise the stored sender.
        var sender = Text(json, "sender") == "system" ? "system" : "team";
        var message = new SimulatedMessage($"msg_{_nextMessage++}", conversationId, text, sender, Time.GetUtcNow());
        _messages.Add(message);
        Replace(_conversations, conversation, conversation with { MessageCount = conversation.MessageCount + 1 });
        return Ok(201, new JsonObject
        {
            ["id"] = message.Id,
            ["conversation_id"] = conversationId,
            ["sender"] = sender,
            ["created_at"] = ChattingTriggerPayload.Timestamp(message.CreatedAt),
        });
    }

    private static string? IdempotencyKey(HttpContext http)
    {
        var headers = http.Request.Headers;
        var key = headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            key = headers["X-Idempotency-Key"].ToString();
        }

        return key.Length == 0 ? null : key;
    }

    private static async Task<string> BodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
    }

    // A body that is not a JSON object reads as empty, so the handler answers its missing-field code.
    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.GetValueKind() != JsonValueKind.Null ? Scalar(value) : null;

    // Chatting stores values as strings: a number or boolean keeps its JSON spelling.
    private static string Scalar(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Query(HttpContext http, string name) => http.Request.Query[name].ToString();

    private static StoredAnswer Ok(int status, JsonObject fields)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        return new(status, body.ToJsonString(Relaxed));
    }

    private static StoredAnswer Error(int status, string code) => new(status, $$"""{"ok":false,"error":"{{code}}"}""");

    private static IResult Answer(StoredAnswer answer) => Json(answer.Json, answer.Status);
}
