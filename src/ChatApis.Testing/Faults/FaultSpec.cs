using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatApis.Testing;

/// <summary>
/// A fault rule written as one line of text, so a fault can be asked for where no C# runs: the standalone
/// simulator's <c>--fault</c> option and its <c>POST /_admin/faults</c> endpoint (curl from any language).
/// </summary>
/// <remarks>
/// <para>The syntax is <c>FAULT[xCOUNT][@[METHOD ]PATH]</c>:</para>
/// <list type="bullet">
/// <item><c>FAULT</c>: <c>503</c> (any status 100-599, a small JSON body; <c>429=2</c> adds <c>Retry-After: 2</c>),
/// <c>html</c> or <c>html=504</c> (a proxy's HTML error page, 502 by default), <c>empty=503</c> (no body),
/// <c>abort</c> (connection reset, nothing sent), <c>hang</c> (nothing sent until the client gives up),
/// <c>drop</c> (the endpoint runs, then the connection drops without an answer), <c>delay=2s</c> (then the normal
/// answer), <c>slow=50ms</c> (the body one byte per pause), <c>truncate=10</c>, <c>reset=10</c> and <c>stall=10</c>
/// (the body cut, reset or stalled after that many bytes), <c>oversize=20000000</c> (a body of that many bytes).
/// Durations are <c>ms</c> or <c>s</c>.</item>
/// <item><c>xCOUNT</c>: how many matching requests get it (<c>x2</c>), or <c>x*</c> for every one; 1 when left out.</item>
/// <item><c>@PATH</c> or <c>@METHOD PATH</c>: which requests (the path as the client sends it, case-insensitive;
/// a trailing <c>*</c> makes it a prefix); every request when left out.</item>
/// </list>
/// <para>Examples: <c>503x2</c>, <c>429=1x3@GET /api/integrations/backend_api/v1/chats/1/conversations</c>,
/// <c>abort@/chatbots/*</c>, <c>delay=1500ms</c>.</para>
/// </remarks>
/// <param name="Text">The text the spec was read from.</param>
/// <param name="Method">The method it matches, or <c>*</c>.</param>
/// <param name="Path">The path it matches, or <c>*</c>.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Count">How many matching requests get the fault; <see langword="null"/> for every one.</param>
public sealed partial record FaultSpec(string Text, string Method, string Path, Fault Fault, int? Count)
{
    /// <summary>The faults a spec can name, in one line, for help texts.</summary>
    public static string Kinds { get; } = "<status>[=<retry-after seconds>], html[=<status>], empty=<status>, abort, hang, drop, delay=<duration>, "
        + "slow=<duration>, truncate=<bytes>, reset=<bytes>, stall=<bytes>, oversize=<bytes> (durations in ms or s)";

    /// <summary>The syntax in one line, for error messages and help texts.</summary>
    public static string Syntax { get; } = "FAULT[xCOUNT][@[METHOD ]PATH], FAULT one of " + Kinds + ", COUNT a number or *: e.g. 503x2, 429=1x3@GET /v1/items, abort@/chatbots/*";

    /// <summary>Reads a spec (see the remarks of <see cref="FaultSpec"/> for the syntax).</summary>
    /// <param name="text">The spec, e.g. <c>503x2@GET /v1/items</c>.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> does not follow the syntax; the message says why and shows it.</exception>
    public static FaultSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var match = Shape().Match(trimmed);
        if (!match.Success)
        {
            throw Invalid(text, "it does not have the shape");
        }

        var (method, path) = Target(text, match.Groups["target"]);
        var fault = Create(text, match.Groups["kind"].Value.ToLowerInvariant(), match.Groups["arg"] is { Success: true } arg ? arg.Value : null);
        int? count = match.Groups["count"] switch
        {
            { Success: false } => 1,
            { Value: "*" } => null,
            { Value: var digits } => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw Invalid(text, "the count must be a number from 1 or *"),
        };
        return new FaultSpec(trimmed, method, path, fault, count);
    }

    /// <summary>Adds this spec as a rule of <paramref name="injector"/>, after the rules it has.</summary>
    /// <param name="injector">A simulator's <see cref="SimulatorHost.Faults"/>.</param>
    /// <returns>The new rule.</returns>
    public FaultRule ApplyTo(FaultInjector injector)
    {
        ArgumentNullException.ThrowIfNull(injector);
        var rule = injector.On(Method, Path);
        return Count is { } count ? rule.Times(count, Fault) : rule.Always(Fault);
    }

    private static (string Method, string Path) Target(string text, Group target)
    {
        if (!target.Success)
        {
            return ("*", "*");
        }

        var parts = target.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (method, path) = parts.Length switch
        {
            1 => ("*", parts[0]),
            2 => (parts[0].ToUpperInvariant(), parts[1]),
            _ => throw Invalid(text, "after @ comes a path or a method and a path"),
        };
        if (!path.StartsWith('/') || !MethodName().IsMatch(method))
        {
            throw Invalid(text, "after @ comes a path that starts with / (perhaps after a method such as GET)");
        }

        return (method, path);
    }

    private static Fault Create(string text, string kind, string? arg)
    {
        if (int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            if (status is < 100 or > 599)
            {
                throw Invalid(text, "a status is between 100 and 599");
            }

            var headers = arg is null ? null : new Dictionary<string, string> { ["Retry-After"] = Seconds(text, arg).ToString(CultureInfo.InvariantCulture) };
            var body = $$"""{"error":"simulated_fault","message":"The simulator answered {{status}} because a fault was injected."}""";
            return Fault.Status(status, body, headers: headers);
        }

        return kind switch
        {
            "html" => Fault.Html(arg is null ? 502 : Status(text, arg)),
            "empty" => Fault.EmptyBody(Status(text, Required(text, kind, arg))),
            "abort" => NoArgument(text, kind, arg, Fault.Abort()),
            "hang" => NoArgument(text, kind, arg, Fault.Hang()),
            "drop" => NoArgument(text, kind, arg, Fault.DropResponseAfterProcessing()),
            "delay" => Fault.Delay(Duration(text, Required(text, kind, arg))),
            "slow" => Fault.SlowBody(Duration(text, Required(text, kind, arg))),
            "truncate" => Fault.TruncateBody(Bytes(text, Required(text, kind, arg))),
            "reset" => Fault.ResetBody(Bytes(text, Required(text, kind, arg))),
            "stall" => Fault.StallBody(Bytes(text, Required(text, kind, arg))),
            "oversize" => Fault.OversizeBody(Math.Max(2, Bytes(text, Required(text, kind, arg)))),
            _ => throw Invalid(text, $"'{kind}' is not a fault"),
        };
    }

    private static Fault NoArgument(string text, string kind, string? arg, Fault fault) =>
        arg is null ? fault : throw Invalid(text, $"{kind} takes no value");

    private static string Required(string text, string kind, string? arg) =>
        arg ?? throw Invalid(text, $"{kind} needs a value ({kind}=...)");

    private static int Status(string text, string arg) =>
        int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599
            ? status
            : throw Invalid(text, "a status is a number between 100 and 599");

    private static int Bytes(string text, string arg) =>
        int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw Invalid(text, "a byte count is a number");

    private static int Seconds(string text, string arg) =>
        arg.EndsWith("ms", StringComparison.Ordinal) || !int.TryParse(arg.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? throw Invalid(text, "Retry-After is a whole number of seconds")
            : seconds;

    private static TimeSpan Duration(string text, string arg)
    {
        var (digits, scale) = arg.EndsWith("ms", StringComparison.Ordinal) ? (arg[..^2], 1) : arg.EndsWith('s') ? (arg[..^1], 1000) : ("", 0);
        return scale > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? TimeSpan.FromMilliseconds((long)amount * scale)
            : throw Invalid(text, "a duration is a number with ms or s, e.g. 500ms or 2s");
    }

    private static ArgumentException Invalid(string text, string why) =>
        new($"Invalid fault '{text}': {why}. Syntax: {Syntax}.", nameof(text));

    // The kind (a word or a status), an optional value (digits, perhaps with a unit), the count, the target.
    [GeneratedRegex(@"^(?<kind>[A-Za-z]+|\d+)(?:=(?<arg>\d+(?:ms|s)?))?(?:x(?<count>\d+|\*))?(?:@(?<target>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?:\*|[A-Z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodName();
}
