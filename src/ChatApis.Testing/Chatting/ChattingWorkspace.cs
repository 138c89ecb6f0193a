namespace ChatApis.Testing.Chatting;

/// <summary>A workspace the simulator knows, reached through its API key.</summary>
/// <param name="Id">The workspace id (<c>workspace_id</c> of <c>GET /me</c>).</param>
/// <param name="TeamName">The team's name.</param>
/// <param name="OwnerEmail">The owner's email (also who tags and resolutions are attributed to by default).</param>
/// <param name="HasPrimarySite">Whether contacts can be created (otherwise 409 <c>workspace-site-missing</c>).</param>
public sealed record ChattingWorkspace(string Id, string TeamName, string OwnerEmail, bool HasPrimarySite);
