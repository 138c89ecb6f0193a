using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatApis.Testing.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Testing.Vertext;

/// <summary>
/// A simulator of Vertext Labs' public Zapier API (<c>https://api.vertextlabs.com</c>): seeded chatbots
/// and contacts (widget and Meta sources), the 400 (missing header) / 401 (bad token) rule, plain-text
/// errors, zero-based page-index pagination, form-encoded Zapier subscriptions, 204 on delete, and
/// 404 for a chatbot that is not the user's or an unknown subscription.
/// </summary>
public sealed class VertextSimulator : SimulatorHost
{
    /// <summary>The access token the simulator accepts.</summary>
    public const string AccessToken = "vtx_sim_access_token";

    /// <summary>The seeded "Demo" chatbot of the documents' list example.</summary>
    public const string DemoChatbotId = "7a81c98d-12c3-4edf-41ac-df1e6762d677";

    /// <summary>The seeded "SupportBot" chatbot of the documents' list example.</summary>
    public const string SupportChatbotId = "2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234";

    /// <summary>
    /// A third seeded chatbot whose id is the <c>chatbot_id</c> of the documents' contact examples
    /// (the documents use a different id there than in the chatbot list example).
    /// </summary>
    public const string ContactsChatbotId = "7a81c98d-12c9-4edf-a1ac-df136762d677";

    /// <summary>A chatbot that exists but belongs to another user (answers 404).</summary>
    public const string ForeignChatbotId = "0f0f0f0f-0000-4000-8000-000000000001";

    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<string> _chatbots;
    private readonly Dictionary<string, List<string>> _contacts;

    /// <summary>Creates the simulator with its seeded data; call <see cref="SimulatorHost.StartAsync"/> next.</summary>
    /// <param name="options">Port, clock and name.</param>
    public VertextSimulator(SimulatorHostOptions? options = null)
        : base(options)
    {
        _chatbots = [.. VertextSeed.Chatbots];
        _contacts = VertextSeed.Contacts.ToDictionary(pair => pair.Key, pair => pair.Value.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The subscriptions currently stored.</summary>
    public IReadOnlyCollection<Subscription> Subscriptions => [.. _subscriptions.Values];

    /// <summary>Adds <paramref name="count"/> generated widget contacts to a chatbot (for pagination tests).</summary>
    /// <param name="chatbotId">One of the user's seeded chatbots.</param>
    /// <param name="count">How many contacts to add.</param>
    public void AddGeneratedContacts(string chatbotId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_contacts)
        {
            var list = _contacts[chatbotId];
            for (var i = 0; i < count; i++)
            {
                list.Add(VertextSeed.GeneratedContact(chatbotId, list.Count));
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces => VertextCatalogEntry.Instance.Surfaces;

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/chatbots/list", (HttpContext http) => Authorized(http, () => Paged(http, _chatbots)));
        routes.MapGet("/contacts/{chatbotId}", (HttpContext http, string chatbotId) => Authorized(http, () =>
        {
            if (!IsUsersChatbot(chatbotId))
            {
                return Text(404, "Chatbot does not exist or does not belong to the user.");
            }

            lock (_contacts)
            {
                return Paged(http, _contacts[chatbotId]);
            }
        }));
        routes.MapPost("/chatbots/{chatbotId}/zapier_subscriptions", (HttpContext http, string chatbotId) => Authorized(http, () => Subscribe(http, chatbotId)));
        routes.MapDelete("/chatbots/{chatbotId}/zapier_subscriptions/{id}", (HttpContext http, string chatbotId, string id) => Authorized(http, () =>
        {
            if (!IsUsersChatbot(chatbotId))
            {
                return Text(404, "Chatbot does not exist or does not belong to the user.");
            }

            return _subscriptions.TryGetValue(id, out var found) && found.ChatbotId == chatbotId && _subscriptions.TryRemove(id, out _)
                ? Results.StatusCode(204)
                : Text(404, "Zapier subscription with the given ID not found.");
        }));
    }

    private static IResult Authorized(HttpContext http, Func<IResult> handle)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Text(400, "Missing Authorization header.");
        }

        return header == "Bearer " + AccessToken ? handle() : Text(401, "Unauthorized: the access token is invalid or expired.");
    }

    private IResult Subscribe(HttpContext http, string chatbotId)
    {
        if (!IsUsersChatbot(chatbotId))
        {
            return Text(404, "Chatbot does not exist or does not belong to the user.");
        }

        if (!http.Request.HasFormContentType)
        {
            return Text(415, "Expected an application/x-www-form-urlencoded body.");
        }

        var target = http.Request.Form["target_url"].ToString();
        if (!Uri.TryCreate(target, UriKind.Absolute, out _))
        {
            return Text(422, "target_url is required and must be an absolute URL.");
        }

        var subscription = new Subscription(Guid.NewGuid().ToString(), chatbotId, target);
        _subscriptions[subscription.Id] = subscription;
        var body = new JsonObject { ["id"] = subscription.Id, ["chatbot_id"] = chatbotId, ["target_url"] = target };
        return Json(body.ToJsonString(), 201);
    }

    private static IResult Paged(HttpContext http, List<string> items)
    {
        if (!TryReadInt(http, "page", 0, out var page) || page < 0)
        {
            return Text(422, "page must be an integer >= 0.");
        }

        if (!TryReadInt(http, "per_page", 100, out var perPage) || perPage <= 0)
        {
            return Text(422, "per_page must be an integer > 0.");
        }

        var offset = (long)page * perPage;
        var slice = offset >= items.Count ? [] : items.Skip((int)offset).Take(perPage);
        return Json("[" + string.Join(",", slice) + "]");
    }

    private static bool TryReadInt(HttpContext http, string name, int fallback, out int value)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private bool IsUsersChatbot(string chatbotId) => _contacts.ContainsKey(chatbotId);

    private static IResult Text(int status, string text) => Results.Text(text, "text/plain; charset=utf-8", statusCode: status);

    /// <summary>A stored Zapier subscription.</summary>
    /// <param name="Id">The subscription id.</param>
    /// <param name="ChatbotId">The chatbot.</param>
    /// <param name="TargetUrl">Where events would be sent.</param>
    public sealed record Subscription(string Id, string ChatbotId, string TargetUrl);
}
