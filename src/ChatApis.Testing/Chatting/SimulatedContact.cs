namespace ChatApis.Testing.Chatting;

/// <summary>A contact stored by the <see cref="ChattingSimulator"/>.</summary>
/// <param name="Id">The contact id (stable for the same email in a workspace).</param>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="Email">The email.</param>
/// <param name="Name">The name, if any.</param>
/// <param name="Phone">The phone, if any.</param>
/// <param name="Company">The company, if any.</param>
/// <param name="Status">The status, if any.</param>
/// <param name="Tags">The tags, in the order they were added.</param>
/// <param name="CustomFields">The custom fields, values as strings.</param>
/// <param name="CreatedAt">When it was first created.</param>
public sealed record SimulatedContact(
    string Id,
    string WorkspaceId,
    string Email,
    string? Name,
    string? Phone,
    string? Company,
    string? Status,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> CustomFields,
    DateTimeOffset CreatedAt);
