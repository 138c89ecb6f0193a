using System.Text.Json.Serialization;

namespace ChatApis.Zipchat;

// The concrete envelopes (source generation needs one closed type per shape).

/// <summary>Get Conversation: <c>{"conversation": {... "messages": [...]}}</c>.</summary>
[JsonConverter(typeof(Converter))]
internal sealed class ConversationDetailsEnvelope(ConversationDetails value) : Envelope<ConversationDetails>(value)
{
    internal sealed class Converter : EnvelopeConverter<ConversationDetailsEnvelope, ConversationDetails>
    {
        protected override string Key => "conversation";

        protected override ConversationDetailsEnvelope Create(ConversationDetails value) => new(value);

        protected override void Check(ConversationDetails value, string path) => ZipchatModelChecks.Details(value, path);
    }
}

/// <summary>The assignment response (lost from the documents): <c>{"conversation": {...}}</c> or the bare conversation.</summary>
[JsonConverter(typeof(Converter))]
internal sealed class ConversationEnvelope(Conversation value) : Envelope<Conversation>(value)
{
    internal sealed class Converter : EnvelopeConverter<ConversationEnvelope, Conversation>
    {
        protected override string Key => "conversation";

        protected override ConversationEnvelope Create(Conversation value) => new(value);

        protected override void Check(Conversation value, string path) => ZipchatModelChecks.Conversation(value, path);
    }
}

/// <summary>The send-message response (lost from the documents): <c>{"message": {...}}</c> or the bare message.</summary>
[JsonConverter(typeof(Converter))]
internal sealed class MessageEnvelope(Message value) : Envelope<Message>(value)
{
    internal sealed class Converter : EnvelopeConverter<MessageEnvelope, Message>
    {
        protected override string Key => "message";

        protected override MessageEnvelope Create(Message value) => new(value);

        protected override void Check(Message value, string path) => ZipchatModelChecks.Message(value, path);
    }
}

/// <summary>Get User (shape lost from the documents): <c>{"user": {...}}</c> or the bare user.</summary>
[JsonConverter(typeof(Converter))]
internal sealed class UserEnvelope(ZipchatUser value) : Envelope<ZipchatUser>(value)
{
    internal sealed class Converter : EnvelopeConverter<UserEnvelope, ZipchatUser>
    {
        protected override string Key => "user";

        protected override UserEnvelope Create(ZipchatUser value) => new(value);

        protected override void Check(ZipchatUser value, string path) => ZipchatModelChecks.User(value, path);
    }
}
