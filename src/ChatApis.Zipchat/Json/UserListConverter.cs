using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>
/// List Users (shape lost from the documents): <c>{"users": [...]}</c> or a bare array. An object without a
/// <c>users</c> array (<c>{}</c>, <c>{"users": null}</c>) is an invalid response, not an empty page, and
/// every user must have its id.
/// </summary>
internal sealed class UserListConverter : JsonConverter<UserList>
{
    public override UserList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        UserList list;
        string path;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var users = (JsonTypeInfo<IReadOnlyList<ZipchatUser>>)options.GetTypeInfo(typeof(IReadOnlyList<ZipchatUser>));
            list = new UserList { Users = JsonSerializer.Deserialize(ref reader, users)! };
            path = "$";
        }
        else
        {
            list = ListEnvelopes.ReadObject(ref reader, (JsonTypeInfo<UserList>)options.GetTypeInfo(typeof(UserList)), "users");
            path = "$.users";
        }

        ZipchatModelChecks.Each(list.Users, path, ZipchatModelChecks.User);
        return list;
    }

    public override void Write(Utf8JsonWriter writer, UserList value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");
}
