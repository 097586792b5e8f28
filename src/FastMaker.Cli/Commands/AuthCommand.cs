using System.CommandLine;
using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker auth l1</c> (lines: privateKey, chainId, timestamp (s), nonce) and <c>fastmaker auth l2</c> (lines:
/// address, apiKey, secret, passphrase, timestamp (s), method, requestPath, body or null); each writes
/// <c>{"headers":{...}}</c> with exactly the headers the venue expects. Secrets arrive on stdin and are never echoed.
/// </summary>
internal static class AuthCommand
{
    public static Command Create()
    {
        var l1 = new Command("l1", "L1 (ClobAuth EIP-712) headers: JSON lines on stdin, {\"headers\":{...}} lines on stdout.");
        l1.SetAction(_ => JsonLineRunner.Run(Console.In, Console.Out, L1Line));
        var l2 = new Command("l2", "L2 (HMAC-SHA256) headers: JSON lines on stdin, {\"headers\":{...}} lines on stdout.");
        l2.SetAction(_ => JsonLineRunner.Run(Console.In, Console.Out, L2Line));
        var auth = new Command("auth", "Polymarket CLOB authentication headers.");
        auth.Subcommands.Add(l1);
        auth.Subcommands.Add(l2);
        return auth;
    }

    private static void L1Line(JsonElement input, Utf8JsonWriter output)
    {
        if (input.ValueKind != JsonValueKind.Object) throw new FormatException("the line is not a JSON object");
        using EthSigner signer = EthSigner.FromHex(RequiredString(input, "privateKey"));
        long chainId = RequiredLong(input, "chainId");
        long timestamp = RequiredLong(input, "timestamp");
        ulong nonce = 0;
        if (input.TryGetProperty("nonce", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            string text = n.ValueKind == JsonValueKind.String ? n.GetString()! : n.GetRawText();
            if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out nonce))
                throw new FormatException("nonce must be a non-negative integer below 2^64");
        }
        var headers = L1Headers.Create(signer, chainId, timestamp, nonce);
        output.WriteStartObject();
        output.WriteStartObject("headers");
        output.WriteString(PolyHeaderNames.Address, headers.Address);
        output.WriteString(PolyHeaderNames.Signature, headers.Signature);
        output.WriteString(PolyHeaderNames.Timestamp, headers.Timestamp);
        output.WriteString(PolyHeaderNames.Nonce, headers.Nonce);
        output.WriteEndObject();
        output.WriteEndObject();
    }

    private static void L2Line(JsonElement input, Utf8JsonWriter output)
    {
        if (input.ValueKind != JsonValueKind.Object) throw new FormatException("the line is not a JSON object");
        var credentials = new ApiCredentials(RequiredString(input, "apiKey"), RequiredString(input, "secret"), RequiredString(input, "passphrase"));
        var signer = new L2Signer(credentials, RequiredString(input, "address"));
        long timestamp = RequiredLong(input, "timestamp");
        string method = RequiredString(input, "method");
        string path = RequiredString(input, "requestPath");
        string? body = null;
        if (input.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind != JsonValueKind.String) throw new FormatException("body must be a string or null");
            body = b.GetString();
        }
        string signature = signer.Sign(timestamp, method, path, body);
        output.WriteStartObject();
        output.WriteStartObject("headers");
        output.WriteString(PolyHeaderNames.Address, signer.Address);
        output.WriteString(PolyHeaderNames.Signature, signature);
        output.WriteString(PolyHeaderNames.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteString(PolyHeaderNames.ApiKey, credentials.ApiKey);
        output.WriteString(PolyHeaderNames.Passphrase, credentials.Passphrase);
        output.WriteEndObject();
        output.WriteEndObject();
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
            ? v.GetString()!
            : throw new FormatException($"{name} is missing or not a non-empty string");

    private static long RequiredLong(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) throw new FormatException($"{name} is missing");
        string text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "";
        if (!long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value))
            throw new FormatException($"{name} must be an integer");
        return value;
    }
}
