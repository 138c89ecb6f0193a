using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class UserTests : ZipchatTestBase
{
    private const string UsersPath = "/api/integrations/backend_api/v1/chats/1/users";

    [Fact]
    public async Task List_page_sends_the_documented_request_and_parses_every_field()
    {
        var response = await Client.GetUsersPageAsync(page: 1, perPage: 10, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(UsersPath, request.Path);
        Assert.Equal("?page=1&per_page=10", request.QueryString);
        AssertAuthorized(request);

        Assert.Equal(2, response.Value.Users.Count);
        var owner = response.Value.Users[0];
        Assert.Equal(ZipchatSimulator.OwnerUserId, owner.Id);
        Assert.Equal("https://cdn.zipchat.ai/avatars/501.png", owner.AvatarUrl);
        Assert.Equal("Olivia Owner", owner.AdditionalProperties!["name"].GetString());
        Assert.Equal("olivia@shop.example", owner.AdditionalProperties["email"].GetString());
        var participant = response.Value.Users[1];
        Assert.Equal(ZipchatSimulator.ParticipantUserId, participant.Id);
        Assert.Null(participant.AvatarUrl);
        Assert.Equal(119, response.RateLimit!.Remaining);
    }

    [Fact]
    public async Task A_bare_array_of_users_is_read_too()
    {
        Sim.Faults.On("GET", UsersPath).Once(Fault.Status(200, """[{"id": 7, "avatar_url": null}, {"id": 8, "avatar_url": "https://x.example/a.png"}]"""));

        var users = (await Client.GetUsersPageAsync(cancellationToken: Ct)).Value.Users;

        Assert.Equal([7L, 8L], users.Select(u => u.Id));
        Assert.Equal([null, "https://x.example/a.png"], users.Select(u => u.AvatarUrl));
        Assert.Equal("", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task Listing_walks_pages_until_a_short_page()
    {
        Sim.AddGeneratedUsers(5); // 7 users: pages of 3, 3, 1

        var ids = new List<long>();
        await foreach (var user in Client.ListUsersAsync(perPage: 3, cancellationToken: Ct))
        {
            ids.Add(user.Id);
        }

        Assert.Equal(7, ids.Distinct().Count());
        Assert.Equal(["?page=1&per_page=3", "?page=2&per_page=3", "?page=3&per_page=3"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task Get_user_unwraps_the_user()
    {
        var response = await Client.GetUserAsync(ZipchatSimulator.ParticipantUserId, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(UsersPath + "/502", request.Path);
        Assert.Equal("", request.QueryString);
        AssertAuthorized(request);
        Assert.Equal(ZipchatSimulator.ParticipantUserId, response.Value.Id);
        Assert.Null(response.Value.AvatarUrl);
        Assert.Equal("Paul Participant", response.Value.AdditionalProperties!["name"].GetString());
    }

    [Fact]
    public async Task A_bare_user_object_is_read_too()
    {
        Sim.Faults.On("GET", UsersPath + "/7").Once(Fault.Status(200, """{"id": 7, "avatar_url": "https://x.example/7.png"}"""));

        var user = (await Client.GetUserAsync(7, cancellationToken: Ct)).Value;

        Assert.Equal(7, user.Id);
        Assert.Equal("https://x.example/7.png", user.AvatarUrl);
    }

    [Fact]
    public async Task A_user_of_another_chat_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.GetUserAsync(ZipchatSimulator.OtherChatUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.NotFound.Value, ex.ErrorCode);
        Assert.Contains("User not found", ex.Message, StringComparison.Ordinal);
    }
}
