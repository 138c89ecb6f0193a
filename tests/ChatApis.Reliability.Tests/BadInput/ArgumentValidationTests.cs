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
            _ when type == typeof(NewContact) => new NewContact("lead@example.com"),
            _ when type == typeof(ChattingEvent) => ChattingEvent.ConversationCreated,
            _ when type == typeof(WebhookEventType) => WebhookEventType.NewConversation,
            _ => throw new InvalidOperationException($"No valid value known for {type.Name} {parameter.Name} of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}: add one here."),
        };
    }
}
