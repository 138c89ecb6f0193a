using System.Diagnostics;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Diagnostics;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Secrets;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Vertext;
using ChatApis.Zipchat;

namespace ChatApis.Reliability.Tests.BadInput;

/// <summary>
/// Ids come from outside (webhook payloads), so diagnostics never carry them: an exception message, a log
/// line and the span's <c>url.template</c> (under the base path) name the endpoint by the template in the vendor's documents
/// (<c>chats/{chat_id}/users/{id}</c>), never by a positional "{0}" and never by the id itself.
/// </summary>
public class IdsInDiagnosticsTests
{
    public static TheoryData<string> AllSurfaces => [.. Surfaces.All.Select(s => s.Name)];

    /// <summary>A call per surface with a distinctive id, the wire path it takes and the documented template.</summary>
    private static (string Method, string WirePath, string Template, string Id, Func<ChatApiClient, Task<object?>> Call) CaseFor(Surface surface)
    {
        const string Id = "id-from-a-webhook-7f3a";
        return surface switch
        {
            Surfaces.AssistLoopSurfaceDefinition { Kind: AssistLoopSurface.Make } s => ("GET", $"{s.BasePath}organizations/{Id}/agents", "organizations/{organization_uuid}/agents", Id,
                async c => await ((AssistLoopClient)c).ListAgentsAsync(Id, cancellationToken: CancellationToken.None).AsPages().ToListAsync()),
            Surfaces.AssistLoopSurfaceDefinition s => ("POST", $"{s.BasePath}automation/conversations/{Id}/reply", "automation/conversations/{conversationUuid}/reply", Id,
                async c => await ((AssistLoopClient)c).ReplyAsync(Id, "On it.", cancellationToken: CancellationToken.None)),
            Surfaces.ZipchatSurface => ("GET", $"/{Testing.Zipchat.ZipchatSimulator.ApiPath}chats/{Testing.Zipchat.ZipchatSimulator.ChatId}/users/987654321", "chats/{chat_id}/users/{id}", "987654321",
                async c => await ((ZipchatClient)c).GetUserAsync(987654321, cancellationToken: CancellationToken.None)),
            Surfaces.ChattingSurface => ("POST", $"/api/zapier/conversations/{Id}/messages", "conversations/{id}/messages", Id,
                async c => await ((ChattingClient)c).SendMessageAsync(Id, "Hello", cancellationToken: CancellationToken.None)),
            _ => ("DELETE", $"/chatbots/{Id}/zapier_subscriptions/sub-{Id}", "chatbots/{chatbot_id}/zapier_subscriptions/{id}", Id,
                async c => await ((VertextClient)c).UnsubscribeWebhookAsync(Id, "sub-" + Id, cancellationToken: CancellationToken.None)),
        };
    }

    [Theory]
    [MemberData(nameof(AllSurfaces))]
    public async Task A_failure_names_the_documented_template_in_its_message_logs_and_span_never_the_id(string surfaceName)
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatApisTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var h = await CapturedClient.StartAsync(surfaceName);
        var (method, wirePath, template, id, call) = CaseFor(h.Surface);
        h.Sim.Faults.On(method, wirePath).Once(Fault.Status(500, h.Surface.ErrorBody("server_error", "boom")));

        var (_, error) = await Bounded.RunAsync(() => call(h.Client));

        var failure = Assert.IsType<ChatApiServerException>(error);
        Assert.Single(h.Sim.Journal.Where(method, wirePath));
        Assert.Contains($"{method} {template} failed with 500", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(id, failure.Message, StringComparison.Ordinal);
        Assert.Contains(h.LogLines, line => line.Contains($"{method} {template}", StringComparison.Ordinal));
        Assert.DoesNotContain(h.LogLines, line => line.Contains(id, StringComparison.Ordinal) || line.Contains("{0}", StringComparison.Ordinal));

        // The listener is process-wide and other tests run in parallel: no span at all may carry the id,
        // and this call's template must be among them.
        List<Activity> seen;
        lock (spans)
        {
            seen = [.. spans];
        }

        // url.template is the absolute path template (the base path, then the documented template), as the
        // OpenTelemetry HTTP conventions define it; the span is named "{method} {url.template}".
        var absoluteTemplate = h.Surface.ApiBase(h.Sim).AbsolutePath + template;
        Assert.Contains(seen, s => (string?)s.GetTagItem("url.template") == absoluteTemplate && s.DisplayName == $"{method} {absoluteTemplate}");
        Assert.DoesNotContain(seen, s => ((string?)s.GetTagItem("url.template") ?? "").Contains(id, StringComparison.Ordinal) || s.DisplayName.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(seen, s => ((string?)s.GetTagItem("url.template") ?? "").Contains("{0}", StringComparison.Ordinal));
        Counts.Add("diagnostics: documented templates, no ids");
    }
}
