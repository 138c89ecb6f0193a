using Microsoft.Extensions.Options;

namespace ChatApis.DependencyInjection;

/// <summary>Validates every named instance of a vendor's options at start-up with its own <see cref="Http.ChatApiClientOptions.Validate"/>.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
public sealed class ChatApiOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : Http.ChatApiClientOptions
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{typeof(TOptions).Name}{(string.IsNullOrEmpty(name) ? "" : $" '{name}'")}: {p}"));
    }
}
