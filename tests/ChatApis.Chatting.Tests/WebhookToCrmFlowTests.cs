using ChatApis.AssistLoop;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Catalog;
using ChatApis.Testing.Vertext;
using ChatApis.Vertext;

namespace ChatApis.Chatting.Tests;

/// <summary>
/// The flow a new user tries first: a chat contact from one vendor's simulator becomes a CRM contact on the
/// Chatting simulator. The documents show every email as "[email protected]" obfuscation, which
/// CreateContactAsync rightly refuses; the simulators seed plausible addresses so this flow works.
/// </summary>
public sealed class WebhookToCrmFlowTests : ChattingTestBase
{
    [Fact]
    public async Task AssistLoop_chat_users_from_the_simulator_become_Chatting_contacts()
    {
        await using var assistLoop = new AssistLoopSimulator(new SimulatorHostOptions { TimeProvider = SimClock });
        await assistLoop.StartAsync(Ct);
        using var source = new AssistLoopClient(new AssistLoopClientOptions
        {
            BaseAddress = new Uri(assistLoop.BaseAddress, "api/v1/"),
            ClientId = AssistLoopSimulator.ClientId,
            ClientSecret = AssistLoopSimulator.ClientSecret,
            AccessToken = AssistLoopSimulator.AccessToken,
            RefreshToken = AssistLoopSimulator.RefreshToken,
            MaxRetries = 0,
        });

        var conversation = Assert.Single(await source.ListConversationsAsync(AssistLoopSimulator.AgentUuid, cancellationToken: Ct).ToListAsync(Ct));
        var sample = Assert.IsType<AssistLoopNewConversationEvent>(Assert.Single((await source.GetRecentSamplesAsync(AssistLoopSimulator.AgentUuid, 1, cancellationToken: Ct)).Value));

        var fromConversation = await Client.CreateContactAsync(new ChattingNewContact(conversation.ChatUser!.Email!) { Name = conversation.ChatUser.Name }, cancellationToken: Ct);
        var fromSample = await Client.CreateContactAsync(new ChattingNewContact(sample.Data.ChatUser!.Email!) { Name = sample.Data.ChatUser.Name }, cancellationToken: Ct);

        Assert.Equal("jane.smith@example.com", fromConversation.Value.Email);
        Assert.Equal("Jane Smith", fromConversation.Value.Name);
        Assert.Equal("sample.customer@example.com", fromSample.Value.Email);
        Assert.Equal("Sample Customer", fromSample.Value.Name);
        Assert.Contains(Sim.Contacts, c => c.Email == "jane.smith@example.com" && c.Name == "Jane Smith");
        Assert.Contains(Sim.Contacts, c => c.Email == "sample.customer@example.com" && c.Name == "Sample Customer");
    }

    [Fact]
    public async Task A_Vertext_contact_from_the_simulator_becomes_a_Chatting_contact()
    {
        await using var vertext = new VertextSimulator(new SimulatorHostOptions { TimeProvider = SimClock });
        await vertext.StartAsync(Ct);
        using var source = new VertextClient(new VertextClientOptions { AccessToken = VertextSimulator.AccessToken, BaseAddress = vertext.BaseAddress, MaxRetries = 0 });

        var page = await source.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, 0, 2, cancellationToken: Ct);
        var widgetContact = Assert.Single(page.Value, c => c.Name == "John Doe");

        var created = await Client.CreateContactAsync(new ChattingNewContact(widgetContact.Email!) { Name = widgetContact.Name, Phone = widgetContact.Phone }, cancellationToken: Ct);

        Assert.Equal("john.doe@example.com", created.Value.Email);
        Assert.Equal("John Doe", created.Value.Name);
        var stored = Assert.Single(Sim.Contacts, c => c.Email == "john.doe@example.com");
        Assert.Equal("John Doe", stored.Name);
        Assert.Equal("555-1234", stored.Phone);
    }

    [Fact]
    public async Task The_generated_Vertext_contacts_of_the_demo_seed_become_Chatting_contacts()
    {
        // What the QuickStart and `chatapis-simulator --seed demo` serve: every generated email must pass the CRM too.
        await using var vertext = new VertextSimulator(new SimulatorHostOptions { TimeProvider = SimClock });
        VertextCatalogEntry.Instance.Seed(vertext, SimulatorSeed.Demo);
        await vertext.StartAsync(Ct);
        using var source = new VertextClient(new VertextClientOptions { AccessToken = VertextSimulator.AccessToken, BaseAddress = vertext.BaseAddress, MaxRetries = 0 });

        var page = await source.GetContactsPageAsync(VertextSimulator.DemoChatbotId, 0, 25, cancellationToken: Ct);
        foreach (var contact in page.Value)
        {
            await Client.CreateContactAsync(new ChattingNewContact(contact.Email!) { Name = contact.Name }, cancellationToken: Ct);
        }

        Assert.Equal(25, page.Value.Count);
        Assert.All(page.Value, c => Assert.Contains(Sim.Contacts, stored => stored.Email == c.Email && stored.Name == c.Name));
        Assert.Equal("visitor0@example.com", page.Value[0].Email);
    }
}
