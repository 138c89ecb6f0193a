using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// One page of List Users. The response's shape is not documented: <c>{"users": [...]}</c> and a bare array
/// are both read, and anything beside the list is kept in <see cref="ApiModel.AdditionalProperties"/>.
/// </summary>
public sealed class UserList : ApiModel
{
    /// <summary>The users on this page.</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<ZipchatUser> Users { get; set; } = [];
}
