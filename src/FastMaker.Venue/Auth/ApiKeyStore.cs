using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FastMaker.Venue.Auth;

/// <summary>
/// Issues and looks up API keys. Credentials are derived from a seed, the address and the nonce, so
/// <c>derive-api-key</c> returns the same credentials as the earlier <c>api-key</c> call, as on the reference.
/// </summary>
public sealed class ApiKeyStore : WebSockets.IUserChannelAuthenticator
{
    private readonly byte[] _seed;
    private readonly ConcurrentDictionary<string, ApiCredentials> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Address, ulong Nonce), ApiCredentials> _byAddress = new();

    /// <summary>Creates an empty store; <paramref name="seed"/> makes derived credentials reproducible.</summary>
    public ApiKeyStore(string seed) => _seed = Encoding.UTF8.GetBytes(seed);

    /// <summary>Raised once per address the first time it creates a key (the venue funds new addresses on it).</summary>
    public event Action<string>? AddressRegistered;

    /// <summary>Creates the key for (address, nonce); false if one already exists (reference: "Could not create api key").</summary>
    public bool TryCreate(string address, ulong nonce, out ApiCredentials credentials)
    {
        string lower = address.ToLowerInvariant();
        var fresh = Derive(lower, nonce);
        bool firstForAddress = true;
        foreach (var existing in _byAddress.Keys)
            if (existing.Address == lower) { firstForAddress = false; break; }
        if (!_byAddress.TryAdd((lower, nonce), fresh))
        {
            credentials = _byAddress[(lower, nonce)];
            return false;
        }
        _byKey[fresh.ApiKey] = fresh;
        credentials = fresh;
        if (firstForAddress) AddressRegistered?.Invoke(lower);
        return true;
    }

    /// <summary>Returns the key created earlier for (address, nonce); false if none was created.</summary>
    public bool TryDerive(string address, ulong nonce, out ApiCredentials? credentials)
        => _byAddress.TryGetValue((address.ToLowerInvariant(), nonce), out credentials);

    /// <summary>Finds a key.</summary>
    public bool TryGet(string apiKey, out ApiCredentials? credentials) => _byKey.TryGetValue(apiKey, out credentials);

    /// <summary>Registers ready-made credentials (scenario accounts, tests).</summary>
    public ApiCredentials Register(string address, ulong nonce = 0)
    {
        TryCreate(address, nonce, out var credentials);
        return credentials;
    }

    /// <inheritdoc />
    public bool Authenticate(string apiKey, string secret, string passphrase)
        => _byKey.TryGetValue(apiKey, out var c)
           && FixedTimeEquals(c.Secret, secret)
           && FixedTimeEquals(c.Passphrase, passphrase);

    internal static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private ApiCredentials Derive(string lowerAddress, ulong nonce)
    {
        Span<byte> key = stackalloc byte[32];
        Span<byte> secret = stackalloc byte[32];
        Span<byte> pass = stackalloc byte[32];
        Mac("key|", lowerAddress, nonce, key);
        Mac("secret|", lowerAddress, nonce, secret);
        Mac("passphrase|", lowerAddress, nonce, pass);
        key[6] = (byte)((key[6] & 0x0F) | 0x40); // UUID version 4 layout, like the reference's keys
        key[8] = (byte)((key[8] & 0x3F) | 0x80);
        string uuid = new Guid(key[..16], bigEndian: true).ToString("D");
        string secretText = Convert.ToBase64String(secret).Replace('+', '-').Replace('/', '_');
        string passText = Convert.ToHexStringLower(pass);
        return new ApiCredentials(uuid, secretText, passText, lowerAddress, nonce);
    }

    private void Mac(string label, string address, ulong nonce, Span<byte> into)
        => HMACSHA256.HashData(_seed, Encoding.UTF8.GetBytes(label + address + "|" + nonce.ToString(System.Globalization.CultureInfo.InvariantCulture)), into);
}
