namespace ChatApis.Safety;

/// <summary>
/// Decides which base addresses a client may talk to: HTTPS always, plain HTTP only on loopback
/// (a local simulator), so credentials never cross a network in clear text.
/// </summary>
public static class BaseAddressPolicy
{
    /// <summary>Whether <paramref name="address"/> is allowed as a base address.</summary>
    /// <param name="address">The candidate address.</param>
    /// <param name="reason">Why it is not allowed (empty when it is).</param>
    /// <returns><c>true</c> when allowed.</returns>
    public static bool IsAllowed(Uri address, out string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri)
        {
            reason = "must be an absolute URI.";
            return false;
        }

        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
        {
            reason = string.Empty;
            return true;
        }

        reason = $"must use https (plain http is allowed only for loopback addresses); got scheme '{address.Scheme}' for host '{address.Host}'.";
        return false;
    }

    /// <summary>Returns the address with a trailing '/' on its path, so relative paths append to it.</summary>
    /// <param name="address">The base address.</param>
    /// <returns>The normalized address.</returns>
    public static Uri Normalize(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}
