using ChatApis.Http;

namespace ChatApis.DependencyInjection;

/// <summary>What a vendor package receives to build one named client from the container.</summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
/// <param name="Services">The service provider.</param>
/// <param name="Name">The client's name (one per account; <c>""</c> for the default client).</param>
/// <param name="Options">The client's validated options.</param>
/// <param name="Pipeline">The request pipeline built for this client.</param>
public sealed record ChatApiClientContext<TOptions>(IServiceProvider Services, string Name, TOptions Options, ChatApiPipeline Pipeline)
    where TOptions : ChatApiClientOptions;
