namespace ChatApis.Testing.Zipchat;

// The seeded chats. Times are relative to the simulator's clock at construction (truncated to the second),
// so the 24-hour Meta window behaves the same under any clock. Conversation 12345, its chat id 1, its
// share_url and its lead John Doe are the documents' example values.
internal static class ZipchatSeed
{
    public const string ImageAndTextBlocks =
        """[{"type":"image","source":{"url":"https://cdn.zipchat.ai/uploads/receipt-1001.png"}},{"type":"text","text":"Here is my receipt"}]""";

    public static (SimChat Chat, SimChat OtherChat) Create(DateTimeOffset now, Func<long> nextMessageId)
    {
        var t = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var chat = new SimChat(ZipchatSimulator.ChatId, ZipchatSimulator.ApiKey);
        var owner = new SimUser(ZipchatSimulator.OwnerUserId, "Olivia Owner", "olivia@shop.example", "https://cdn.zipchat.ai/avatars/501.png");
        var participant = new SimUser(ZipchatSimulator.ParticipantUserId, "Paul Participant", "paul@shop.example", null);
        chat.Users.AddRange([owner, participant]);

        var web = new SimConversation(ZipchatSimulator.WebConversationId, chat.Id, "web", t.AddHours(-3))
        {
            Lead = new SimLead(100, "John", "Doe", "john@example.com", "+1234567890", true, 7390123456789, """{"order_count":3,"vip":true}"""),
        };
        web.Add(new(nextMessageId(), "user", "Hi, where is my order #1001?", false, null, null, t.AddHours(-3)));
        web.Add(new(nextMessageId(), "assistant", "<p>Your order <b>#1001</b> ships tomorrow.</p>", false, "delivered", null, t.AddHours(-3).AddMinutes(1)));
        web.Add(new(nextMessageId(), "user", ImageAndTextBlocks, false, null, null, t.AddHours(-2).AddMinutes(-50)));
        web.Add(new(nextMessageId(), "assistant", "Thanks, I can see the receipt.", false, "delivered", null, t.AddHours(-2).AddMinutes(-45)));

        var email = new SimConversation(ZipchatSimulator.EscalatedEmailConversationId, chat.Id, "email", t.AddHours(-1))
        {
            LastEscalatedAt = t.AddMinutes(-10),
            Lead = new SimLead(101, "Ana", "Silva", "ana@example.com", null, false, null, "{}"),
        };
        email.Add(new(nextMessageId(), "user", "I was charged twice for order #1002.", false, null, null, t.AddHours(-1)));
        email.Add(new(nextMessageId(), "assistant", "I'm passing this to our team.", false, "delivered", null, t.AddMinutes(-10)));

        var whatsapp = new SimConversation(ZipchatSimulator.WhatsAppConversationId, chat.Id, "whatsapp", t.AddHours(-6))
        {
            LastEscalatedAt = t.AddHours(-5),
            LastEscalationResolvedAt = t.AddHours(-4),
            ManualReplyMode = true,
            Assignee = owner,
            Lead = new SimLead(102, "Marco", "Rossi", null, "+393331234567", false, null, "{}"),
        };
        whatsapp.Add(new(nextMessageId(), "user", "Do you ship to Italy?", false, null, null, t.AddHours(-6)));
        whatsapp.Add(new(nextMessageId(), "user", "Still there?", false, null, null, t.AddHours(-1)));

        var instagram = new SimConversation(ZipchatSimulator.StaleInstagramConversationId, chat.Id, "instagram", t.AddHours(-40))
        {
            ManualReplyMode = true,
            Assignee = participant,
        };
        instagram.Add(new(nextMessageId(), "user", "Is the blue jacket back in stock?", false, null, null, t.AddHours(-30)));

        var messenger = new SimConversation(ZipchatSimulator.MessengerConversationId, chat.Id, "messenger", t.AddMinutes(-40));
        messenger.Add(new(nextMessageId(), "user", "What are your opening hours?", false, null, null, t.AddMinutes(-40)));
        messenger.Add(new(nextMessageId(), "assistant", "We are open 9 to 5, Monday to Friday.", false, "delivered", null, t.AddMinutes(-39)));

        chat.Conversations.AddRange([web, email, whatsapp, instagram, messenger]);

        var otherChat = new SimChat(ZipchatSimulator.OtherChatId, ZipchatSimulator.OtherChatApiKey);
        otherChat.Users.Add(new SimUser(ZipchatSimulator.OtherChatUserId, "Oscar Other", "oscar@other.example", null));
        var foreign = new SimConversation(ZipchatSimulator.OtherChatConversationId, otherChat.Id, "web", t.AddHours(-2));
        foreign.Add(new(nextMessageId(), "user", "Hello from another shop", false, null, null, t.AddHours(-2)));
        otherChat.Conversations.Add(foreign);
        return (chat, otherChat);
    }
}
