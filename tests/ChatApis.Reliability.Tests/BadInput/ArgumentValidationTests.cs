using System.Reflection;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Json;
using ChatApis.Pagination;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Zipchat;

namespace ChatApis.Reliability.Tests.BadInput;

/// <summary>
/// Every public method of every client (found by reflection, so a new one is covered at once) rejects
/// each invalid argument with an ArgumentException naming it, before anything reaches the wire.
/// </summary>
public class ArgumentValidationTests
{
    // Parameters that legitimately accept the value the generic rule calls invalid. Keep this short.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        // Message content may be empty: an empty message has no blocks (documented: returns an empty list).
        "MessageBlock.Parse(content)=\"\"",
        "MessageBlock.Parse(content)=\"   \"",
        // Scope text is free-form: empty or blank means no scopes.
        "AssistLoopScopesExtensions.ParseScopes(text)=\"\"",
        "AssistLoopScopesExtensions.ParseScopes(text)=\"   \"",

        // Webhook/trigger body parsers: empty or blank text is a malformed payload (typed, checked below).
        "AssistLoopWebhookEvent.Parse(json)",
        "ChattingTrigger.Parse(json)",
    };

    public static TheoryData<string> SurfaceNames => [.. Surfaces.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SurfaceNames))]
    public async Task Every_public_method_rejects_each_invalid_argument_before_sending(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { MaxRetries = 0 });
        var methods = client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .ToList();
        Assert.NotEmpty(methods);
        var failures = new List<string>();
        var cases = 0;
        foreach (var method in methods)
        {
            cases += await CheckAsync(client, method, failures);
        }

        Assert.Empty(sim.Journal.Requests);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Counts.Add("bad input: methods checked", methods.Count);
        Counts.Add("bad input: invalid-argument cases", cases);
    }

    // Text that, as a path value, would leave its segment (dot segments, separators, their percent-encoded
    // forms), as a header value would add a header line (CRLF), or is simply too big (100 KB).
    private static readonly (string Label, string Value)[] Hostile =
    [
        ("\".\"", "."),
        ("\"..\"", ".."),
        ("\"a/b\"", "a/b"),
        ("\"../x\"", "../x"),
        ("\"a\\b\"", "a\\b"),
        ("\"%2e%2e\"", "%2e%2e"),
        ("\"%2E.\"", "%2E."),
        ("\"..%2f\"", "..%2f"),
        ("CRLF header", "v\r\nX-Injected: yes"),
        ("100 KB", new string('a', 100 * 1024)),
    ];

    /// <summary>
    /// Every string parameter of every public client method, given each hostile text: a parameter that
    /// becomes a path segment refuses it (ArgumentException naming it) before anything is sent; any other
    /// parameter refuses it the same way or sends it as one value, so the request reaches exactly the
    /// endpoint a harmless value reaches and carries no header the value smuggled in. Nothing ends in an
    /// exception that is not an ArgumentException or a typed ChatApiException.
    /// </summary>
    [Theory]
    [MemberData(nameof(SurfaceNames))]
    public async Task Every_string_parameter_refuses_hostile_text_or_sends_it_as_one_value(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { MaxRetries = 0, RateLimiting = false });
        var methods = client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)) && m.GetParameters().Any(p => p.ParameterType == typeof(string)))
            .ToList();
        Assert.NotEmpty(methods);
        var failures = new List<string>();
        int pathParameters = 0, refused = 0, sentAsOneValue = 0;
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (parameter.ParameterType != typeof(string))
                {
                    continue;
                }

                // A harmless value unique to this parameter shows whether it lands in the path.
                var harmless = "v-" + parameter.Name;
                var args = parameters.Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : p.ParameterType == typeof(string) ? "v-" + p.Name : Valid(p)).ToArray();
                var (baseline, _) = await CallAsync(client, method, args, sim);
                var inPath = baseline.Any(r => r.Path.Contains("/" + harmless, StringComparison.Ordinal));
                pathParameters += inPath ? 1 : 0;
                var endpoints = baseline.Select(r => $"{r.Method} {r.Path}").ToHashSet(StringComparer.Ordinal);
                var headerNames = baseline.SelectMany(r => r.Headers.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);

                foreach (var (label, value) in Hostile)
                {
                    var id = $"{method.DeclaringType!.Name}.{method.Name}({parameter.Name})={label}";
                    args[i] = value;
                    var (sent, thrown) = await CallAsync(client, method, args, sim);
                    SecretSink.Observe(thrown);
                    if (thrown is ArgumentException argument)
                    {
                        refused++;
                        if (argument.ParamName != parameter.Name)
                        {
                            failures.Add($"{id}: refused, but ParamName was '{argument.ParamName}'");
                        }

                        if (sent.Count > 0)
                        {
                            failures.Add($"{id}: refused after sending {string.Join(", ", sent)}");
                        }

                        continue;
                    }

                    if (inPath)
                    {
                        failures.Add($"{id}: a path value must be refused, got {thrown?.GetType().Name ?? "no exception"} and sent {string.Join(", ", sent)}");
                        continue;
                    }

                    sentAsOneValue++;
                    if (thrown is not null and not ChatApiException and not OAuthStateMismatchException)
                    {
                        failures.Add($"{id}: untyped {thrown.GetType().Name}: {thrown.Message}");
                    }

                    foreach (var request in sent)
                    {
                        if (!endpoints.Contains($"{request.Method} {request.Path}"))
                        {
                            failures.Add($"{id}: reached {request.Method} {request.Path}, a harmless value reached {string.Join(" | ", endpoints)}");
                        }

                        if (request.Headers.Keys.FirstOrDefault(h => h.Equals("X-Injected", StringComparison.OrdinalIgnoreCase) || !headerNames.Contains(h)) is { } extra)
                        {
                            failures.Add($"{id}: the request carried a header '{extra}' a harmless value did not add");
                        }
                    }
                }

                args[i] = harmless;
            }
        }

        // Text a caller passes in RequestOptions ends up in headers too (the idempotency key, extra headers): the same
        // hostile texts there are refused before sending or sent as one header value.
        var (optionsRefused, optionsSent) = await SweepRequestOptionsAsync(client, sim, failures);
        refused += optionsRefused;
        sentAsOneValue += optionsSent;

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        if (surface is not Surfaces.ZipchatSurface)
        {
            Assert.True(pathParameters > 0, "no string parameter reached the path: the sweep identified nothing to refuse");
        }

        Counts.Add("bad input: hostile text refused before sending", refused);
        Counts.Add("bad input: hostile text sent as one value", sentAsOneValue);
    }

    private static readonly (string Name, string ParamName, Func<string, RequestOptions> Create)[] OptionProbes =
    [
        ("idempotency key", "IdempotencyKey", value => new RequestOptions { IdempotencyKey = value }),
        ("extra header", "value", value => new RequestOptions().AddHeader("X-Probe", value)),
    ];

    // Every method taking RequestOptions, given each hostile text as its idempotency key and as an extra header's
    // value: RequestOptions refuses it (naming its property), the method refuses the options (naming options: the
    // endpoint takes no key) before sending, or the request reaches the endpoint a harmless value reaches with no
    // header the value smuggled in.
    private static async Task<(int Refused, int Sent)> SweepRequestOptionsAsync(ChatApiClient client, SimulatorHost sim, List<string> failures)
    {
        int refused = 0, sent = 0;
        var methods = client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(RequestOptions)))
            .ToList();
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            var at = Array.FindIndex(parameters, p => p.ParameterType == typeof(RequestOptions));
            foreach (var (probe, paramName, create) in OptionProbes)
            {
                var args = parameters.Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : p.ParameterType == typeof(string) ? "v-" + p.Name : Valid(p)).ToArray();
                RequestOptions harmless;
                try
                {
                    args[at] = harmless = create("v-probe");
                }
                catch (ArgumentException)
                {
                    continue;
                }

                var (baseline, baselineThrown) = await CallAsync(client, method, args, sim);
                if (baselineThrown is InvalidOperationException && baseline.Count == 0)
                {
                    // Not on this client's surface (e.g. AssistLoop's Make-only lists on a Zapier client): nothing to sweep.
                    break;
                }

                if (baselineThrown is ArgumentException)
                {
                    // The endpoint takes no key: every hostile key is refused the same way, counted below.
                    baseline = [];
                }

                var endpoints = baseline.Select(r => $"{r.Method} {r.Path}").ToHashSet(StringComparer.Ordinal);
                var headerNames = baseline.SelectMany(r => r.Headers.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var (label, value) in Hostile)
                {
                    var id = $"{method.DeclaringType!.Name}.{method.Name}({probe})={label}";
                    try
                    {
                        args[at] = create(value);
                    }
                    catch (ArgumentException argument)
                    {
                        refused++;
                        if (argument.ParamName != paramName)
                        {
                            failures.Add($"{id}: refused, but ParamName was '{argument.ParamName}'");
                        }

                        continue;
                    }

                    var (requests, thrown) = await CallAsync(client, method, args, sim);
                    SecretSink.Observe(thrown);
                    if (thrown is ArgumentException refusal)
                    {
                        refused++;
                        if (refusal.ParamName != "options" || requests.Count > 0)
                        {
                            failures.Add($"{id}: refused with ParamName '{refusal.ParamName}' after sending {requests.Count} request(s)");
                        }

                        continue;
                    }

                    sent++;
                    if (thrown is not null and not ChatApiException and not OAuthStateMismatchException)
                    {
                        failures.Add($"{id}: untyped {thrown.GetType().Name}: {thrown.Message}");
                    }

                    foreach (var request in requests)
                    {
                        if (!endpoints.Contains($"{request.Method} {request.Path}"))
                        {
                            failures.Add($"{id}: reached {request.Method} {request.Path}, a harmless value reached {string.Join(" | ", endpoints)}");
                        }

                        if (request.Headers.Keys.FirstOrDefault(h => h.Equals("X-Injected", StringComparison.OrdinalIgnoreCase) || !headerNames.Contains(h)) is { } extra)
                        {
                            failures.Add($"{id}: the request carried a header '{extra}' a harmless value did not add");
                        }
                    }
                }

                args[at] = harmless;
            }
        }

        return (refused, sent);
    }

    // Calls a method (draining the first item of a pageable, which sends its first request) and returns
    // the requests the simulator received meanwhile and the exception the call ended with.
    private static async Task<(IReadOnlyList<RecordedRequest> Sent, Exception? Thrown)> CallAsync(object target, MethodInfo method, object?[] args, SimulatorHost sim)
    {
        var before = sim.Journal.Count;
        Exception? thrown;
        try
        {
            var result = method.Invoke(target, args);
            thrown = result switch
            {
                Task task => await Outcome(task),
                _ when AsyncEnumerableOf(result) is { } itemType => await Outcome(FirstItemAsync(result!, itemType)),
                _ => null,
            };
        }
        catch (TargetInvocationException ex)
        {
            thrown = ex.InnerException;
        }

        return (sim.Journal.Requests.Skip(before).ToList(), thrown);

        static async Task<Exception?> Outcome(Task task)
        {
            try
            {
                await task.WaitAsync(Bounded.Limit);
                return null;
            }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                throw new Xunit.Sdk.XunitException("A call did not finish within the bound: a hang.");
            }
            catch (Exception ex)
            {
                return ex;
            }
        }
    }

    private static Type? AsyncEnumerableOf(object? value) =>
        value?.GetType().GetInterfaces().FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))?.GetGenericArguments()[0];

    private static async Task FirstItemAsync(object enumerable, Type itemType)
    {
        var source = typeof(IAsyncEnumerable<>).MakeGenericType(itemType);
        var enumerator = (IAsyncDisposable)source.GetMethod(nameof(IAsyncEnumerable<int>.GetAsyncEnumerator))!.Invoke(enumerable, [CancellationToken.None])!;
        try
        {
            var moveNext = typeof(IAsyncEnumerator<>).MakeGenericType(itemType).GetMethod(nameof(IAsyncEnumerator<int>.MoveNextAsync))!;
            await (ValueTask<bool>)moveNext.Invoke(enumerator, null)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_public_static_parse_method_rejects_invalid_text_with_an_argument_exception()
    {
        var types = new[] { typeof(AssistLoopClient), typeof(ZipchatClient), typeof(ChattingClient), typeof(Vertext.VertextClient) }
            .SelectMany(t => t.Assembly.GetExportedTypes());
        var methods = types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("Parse", StringComparison.Ordinal) && m.GetParameters().All(p => !p.ParameterType.IsByRefLike))
            .ToList();
        Assert.True(methods.Count >= 4, $"only {methods.Count} parse methods found");
        var failures = new List<string>();
        var cases = 0;
        foreach (var method in methods)
        {
            cases += await CheckAsync(null, method, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Counts.Add("bad input: methods checked", methods.Count);
        Counts.Add("bad input: invalid-argument cases", cases);
    }

    private static async Task<int> CheckAsync(object? target, MethodInfo method, List<string> failures)
    {
        var parameters = method.GetParameters();
        var nullability = new NullabilityInfoContext();
        var cases = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                continue;
            }

            foreach (var (label, invalid) in InvalidValues(parameter, nullability))
            {
                var id = $"{method.DeclaringType!.Name}.{method.Name}({parameter.Name})={label}";
                if (Allowed.Contains(id))
                {
                    continue;
                }

                cases++;
                var args = parameters.Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : Valid(p)).ToArray();
                args[i] = invalid;
                var thrown = await InvokeAsync(target, method, args);
                SecretSink.Observe(thrown);
                if (method.IsStatic && invalid is string && Allowed.Contains(method.DeclaringType!.Name + ".Parse(json)"))
                {
                    // A webhook body that is empty or blank is a malformed payload, not a programming error:
                    // the parsers document ChatApiInvalidPayloadException for it.
                    if (thrown is not ChatApiInvalidPayloadException)
                    {
                        failures.Add($"{id}: expected ChatApiInvalidPayloadException, got {thrown?.GetType().Name ?? "no exception"}");
                    }
                }
                else if (thrown is not ArgumentException argument)
                {
                    failures.Add($"{id}: expected ArgumentException, got {thrown?.GetType().Name ?? "no exception"} {thrown?.Message}");
                }
                else if (argument.ParamName != parameter.Name)
                {
                    failures.Add($"{id}: ParamName was '{argument.ParamName}'");
                }
            }
        }

        return cases;
    }

    // Pageables and async streams must throw at the call; tasks may throw at the call or fault.
    private static async Task<Exception?> InvokeAsync(object? target, MethodInfo method, object?[] args)
    {
        object? result;
        try
        {
            result = method.Invoke(target, args);
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }

        if (result is Task task)
        {
            try
            {
                await task.WaitAsync(Bounded.Limit);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        return null;
    }

    private static IEnumerable<(string Label, object? Value)> InvalidValues(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        var type = parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullableOptional = parameter.HasDefaultValue && (underlying is not null || nullability.Create(parameter).WriteState == NullabilityState.Nullable);
        var core = underlying ?? type;
        if (!core.IsValueType && !nullableOptional && nullability.Create(parameter).WriteState != NullabilityState.Nullable)
        {
            yield return ("null", null);
        }

        if (core == typeof(string))
        {
            yield return ("\"\"", "");
            yield return ("\"   \"", "   ");
        }
        else if (core == typeof(Uri))
        {
            yield return ("relative", new Uri("hooks/relative", UriKind.Relative));
        }
        else if (core == typeof(int))
        {
            yield return ("-1", -1);
        }
        else if (core == typeof(long))
        {
            yield return ("-1", -1L);
        }
        else if (core == typeof(TimeSpan))
        {
            yield return ("negative", TimeSpan.FromSeconds(-1));
        }
        else if (core.GetInterfaces().Any(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOpenEnum<>)))
        {
            yield return ("default", Activator.CreateInstance(core));
        }
        else if (core.IsEnum && !core.IsDefined(typeof(FlagsAttribute), false))
        {
            yield return ("undefined", Enum.ToObject(core, 99));
        }
    }

    private static object? Valid(ParameterInfo parameter)
    {
        // A URL is given even where it is optional: the default may defer to an option the test client lacks.
        if (parameter.ParameterType == typeof(Uri))
        {
            return new Uri("https://hooks.example.com/catch/1");
        }

        if (!parameter.HasDefaultValue && Nullable.GetUnderlyingType(parameter.ParameterType) is not null)
        {
            return null;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue is null && parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null
                ? Activator.CreateInstance(parameter.ParameterType)
                : parameter.DefaultValue;
        }

        var type = parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => "valid-value",
            _ when type == typeof(Uri) => new Uri("https://hooks.example.com/catch/1"),
            _ when type == typeof(int) => parameter.Name!.Contains("page", StringComparison.OrdinalIgnoreCase) && !parameter.Name.Contains("per", StringComparison.OrdinalIgnoreCase) ? 1 : 20,
            _ when type == typeof(long) => 1L,
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(30),
            _ when type == typeof(DateTimeOffset) => ManualTimeProvider.DefaultStart,
            _ when type == typeof(ChattingNewContact) => new ChattingNewContact("lead@example.com"),
            _ when type == typeof(ChattingEvent) => ChattingEvent.ConversationCreated,
            _ when type == typeof(AssistLoopWebhookEventType) => AssistLoopWebhookEventType.NewConversation,
            _ when type == typeof(ZipchatWatchCursor) => ZipchatWatchCursor.StartingAt(ManualTimeProvider.DefaultStart),
            _ => throw new InvalidOperationException($"No valid value known for {type.Name} {parameter.Name} of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}: add one here."),
        };
    }
}
