namespace ChatApis.Chatting;

/// <summary>The <c>contact.created</c> trigger: a contact was created.</summary>
public sealed class ContactCreatedTrigger : ChattingTrigger
{
    internal ContactCreatedTrigger(TriggerFields fields)
        : base(fields)
    {
        ContactId = fields.String("contact_id");
        Email = fields.String("email");
        Name = fields.String("name");
        Company = fields.String("company");
        Source = fields.String("source");
    }

    /// <summary>The contact's id.</summary>
    public string? ContactId { get; }

    /// <summary>The contact's email.</summary>
    public string? Email { get; }

    /// <summary>The contact's name.</summary>
    public string? Name { get; }

    /// <summary>The contact's company.</summary>
    public string? Company { get; }

    /// <summary>Where the contact came from, e.g. <c>chat_form</c>.</summary>
    public string? Source { get; }
}
