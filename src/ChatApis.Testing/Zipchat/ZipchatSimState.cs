namespace ChatApis.Testing.Zipchat;

// The simulator's mutable state. Every access happens under the simulator's lock.

internal sealed class SimChat(long id, string apiKey)
{
    public long Id { get; } = id;

    public string ApiKey { get; } = apiKey;

    public List<SimUser> Users { get; } = [];

    public List<SimConversation> Conversations { get; } = [];

    public SimUser? FindUser(long id) => Users.Find(u => u.Id == id);

    public SimConversation? FindConversation(long id) => Conversations.Find(c => c.Id == id);
}

internal sealed record SimUser(long Id, string Name, string Email, string? AvatarUrl);

internal sealed record SimLead(
    long Id,
    string FirstName,
    string LastName,
    string? Email,
    string? PhoneNumber,
    bool EmailMarketingConsent,
    long? ShopifyCustomerId,
    string AdditionalAttributesJson)
{
    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class SimConversation(long id, long chatId, string channel, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public long ChatId { get; } = chatId;

    public string Channel { get; } = channel;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset LastMessageAt { get; set; } = createdAt;

    public bool ManualReplyMode { get; set; }

    public SimUser? Assignee { get; set; }

    public DateTimeOffset? LastEscalatedAt { get; set; }

    public DateTimeOffset? LastEscalationResolvedAt { get; set; }

    public SimLead? Lead { get; set; }

    public List<SimMessage> Messages { get; } = [];

    public bool IsMetaChannel => Channel is "whatsapp" or "instagram" or "messenger";

    public void Add(SimMessage message)
    {
        Messages.Add(message);
        if (message.CreatedAt > LastMessageAt)
        {
            LastMessageAt = message.CreatedAt;
        }
    }
}

internal sealed record SimMessage(long Id, string Role, string Text, bool ManualReply, string? Status, long? SenderId, DateTimeOffset CreatedAt);
