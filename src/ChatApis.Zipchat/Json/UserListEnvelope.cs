using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>List Users (shape lost from the documents): <c>{"users": [...]}</c> or a bare array.</summary>
[JsonConverter(typeof(Converter))]
internal sealed class UserListEnvelope(UserList value) : Envelope<UserList>(value)
{
    internal sealed class Converter : JsonConverter<UserListEnvelope>
    {
        public override UserListEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var users = (JsonTypeInfo<IReadOnlyList<ZipchatUser>>)options.GetTypeInfo(typeof(IReadOnlyList<ZipchatUser>));
                return new(new UserList { Users = JsonSerializer.Deserialize(ref reader, users) ?? [] });
            }

            var list = (JsonTypeInfo<UserList>)options.GetTypeInfo(typeof(UserList));
            return new(JsonSerializer.Deserialize(ref reader, list) ?? throw new JsonException("The response body held null instead of a user list."));
        }

        public override void Write(Utf8JsonWriter writer, UserListEnvelope value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Response envelopes are only read.");
    }
}
