using ChatApis.Zipchat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.TrimSmoke;

/// <summary>Zipchat: the first page of the chat's conversations, every field (leads and assignees too) against the raw response.</summary>
internal static class ZipchatCheck
{
    // The simulator's seeded conversations of chat 1, one per channel.
    private static readonly long[] SeededConversationIds = [12345, 12346, 12347, 12348, 12349];

    public static async Task<SmokeReport> RunAsync(ZipchatClient client, IConfiguration section, HttpClient http, CancellationToken cancellationToken)
    {
        var report = new SmokeReport("Zipchat");
        var response = await client.GetConversationsPageAsync(page: 1, perPage: ZipchatClient.MaxPageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
        var raw = await RawJson.GetAsync(
            http,
            new Uri(client.BaseAddress, $"chats/{client.ChatId}/conversations?page=1&per_page={ZipchatClient.MaxPageSize}"),
            "Authorization",
            $"Bearer {section["ApiKey"]}",
            cancellationToken).ConfigureAwait(false);

        var list = response.Value;
        report.Expect(
            list.Conversations.Select(c => c.Id).Order().SequenceEqual(SeededConversationIds),
            $"conversations {string.Join(", ", SeededConversationIds)}");
        new JsonFieldCheck("page", raw, list, report)
            .List("conversations", list.Conversations, CheckConversation)
            .Complete();

        report.Summary = $"GetConversationsPageAsync: {list.Conversations.Count} conversation(s), channels {string.Join(", ", list.Conversations.Select(c => c.Channel.Value))}";
        return report;
    }

    private static void CheckConversation(JsonFieldCheck check, ZipchatConversation conversation) => check
        .Number("id", conversation.Id)
        .Number("chat_id", conversation.ChatId)
        .Iso8601("created_at", conversation.CreatedAt)
        .Iso8601("last_message_at", conversation.LastMessageAt)
        .String("channel", conversation.Channel.Value)
        .Boolean("manual_reply_mode", conversation.ManualReplyMode)
        .Iso8601("last_escalated_at", conversation.LastEscalatedAt)
        .Iso8601("last_escalation_resolved_at", conversation.LastEscalationResolvedAt)
        .Object("assignee", conversation.Assignee, static (user, u) => user
            .Number("id", u.Id)
            .String("avatar_url", u.AvatarUrl)
            .Extra("name")
            .Extra("email"))
        .String("share_url", conversation.ShareUrl)
        .Object("lead", conversation.Lead, static (lead, l) => lead
            .Number("id", l.Id)
            .String("full_name", l.FullName)
            .String("email", l.Email)
            .String("phone_number", l.PhoneNumber)
            .Boolean("email_marketing_consent", l.EmailMarketingConsent));
}

/// <summary>Zipchat's place in the smoke run.</summary>
internal sealed class ZipchatSmoke : SmokeCheck
{
    public override string Vendor => "Zipchat";

    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string> { ["ApiKey"] = "zc-sim_backend_api_key_chat_1", ["ChatId"] = "1" };

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Join() => Register(new ZipchatSmoke());

    public override void AddClient(IServiceCollection services, IConfiguration section) => services.AddZipchatClient(section);

    public override Task<SmokeReport> RunAsync(IServiceProvider services, IConfiguration section, HttpClient http, CancellationToken cancellationToken) =>
        ZipchatCheck.RunAsync(services.GetRequiredService<ZipchatClient>(), section, http, cancellationToken);
}
