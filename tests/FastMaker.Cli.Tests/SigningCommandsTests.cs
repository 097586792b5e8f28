using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastMaker.Cli;

namespace FastMaker.Cli.Tests;

[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Runs <c>fastmaker order sign</c>, <c>auth l1</c> and <c>auth l2</c> in-process against the golden vectors.</summary>
[Collection("Console")]
public class SigningCommandsTests
{
    private const string HardhatKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static JsonElement[] Vectors(string file)
    {
        var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "polymarket", "vectors", file)));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().ToArray();
    }

    private static string Compact(JsonElement e) => JsonNode.Parse(e.GetRawText())!.ToJsonString();

    private static (int ExitCode, string[] Lines) Run(string stdin, params string[] args)
    {
        TextReader oldIn = Console.In;
        TextWriter oldOut = Console.Out;
        var output = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(stdin));
            Console.SetOut(output);
            int code = Program.BuildRoot().Parse(args).Invoke();
            return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            Console.SetIn(oldIn);
            Console.SetOut(oldOut);
        }
    }

    [Fact]
    public void OrderSign_LimitVectors_MatchOfficialClient()
    {
        var vectors = Vectors("limit-orders.json");
        var (code, lines) = Run(string.Join('\n', vectors.Select(v => Compact(v.GetProperty("input")))), "order", "sign");
        Assert.Equal(0, code);
        Assert.Equal(vectors.Length, lines.Length);
        for (int i = 0; i < vectors.Length; i++)
        {
            var result = JsonDocument.Parse(lines[i]).RootElement;
            var v = vectors[i];
            Assert.Equal(v.GetProperty("orderId").GetString(), result.GetProperty("orderId").GetString());
            Assert.Equal(v.GetProperty("makerAmount").GetString(), result.GetProperty("makerAmount").GetString());
            Assert.Equal(v.GetProperty("takerAmount").GetString(), result.GetProperty("takerAmount").GetString());
            Assert.Equal(v.GetProperty("signature").GetString(), result.GetProperty("signature").GetString());
            Assert.Equal(JsonObject.Parse(v.GetProperty("postOrderBody").GetString()!)!.ToJsonString(), JsonNode.Parse(result.GetProperty("body").GetRawText())!.ToJsonString());
            Assert.Equal(v.GetProperty("postOrderBody").GetString(), result.GetProperty("body").GetRawText());
        }
    }

    [Fact]
    public void OrderSign_MarketVectors_UseTheServerRuleAmounts()
    {
        var vectors = Vectors("market-orders.json");
        var (code, lines) = Run(string.Join('\n', vectors.Select(v => Compact(v.GetProperty("input")))), "order", "sign");
        Assert.Equal(0, code);
        Assert.Equal(vectors.Length, lines.Length);
        for (int i = 0; i < vectors.Length; i++)
        {
            var result = JsonDocument.Parse(lines[i]).RootElement;
            var rule = vectors[i].GetProperty("serverRule");
            Assert.Equal(rule.GetProperty("orderId").GetString(), result.GetProperty("orderId").GetString());
            Assert.Equal(rule.GetProperty("makerAmount").GetString(), result.GetProperty("makerAmount").GetString());
            Assert.Equal(rule.GetProperty("takerAmount").GetString(), result.GetProperty("takerAmount").GetString());
            Assert.Equal(rule.GetProperty("signature").GetString(), result.GetProperty("signature").GetString());
            Assert.Equal(rule.GetProperty("postOrderBody").GetString(), result.GetProperty("body").GetRawText());
        }
    }

    [Fact]
    public void OrderSign_BadLines_GetAnErrorLineAndTheRunGoesOn_WithoutEchoingTheKey()
    {
        var good = Vectors("limit-orders.json")[0];
        JsonObject Mutate(Action<JsonObject> change)
        {
            var o = JsonNode.Parse(good.GetProperty("input").GetRawText())!.AsObject();
            change(o);
            return o;
        }
        string[] input =
        [
            "{not json " + HardhatKey,
            Mutate(o => o["price"] = 0.305).ToJsonString(),                 // off the 0.1 grid
            Compact(good.GetProperty("input")),
            Mutate(o => o["privateKey"] = "0x1234").ToJsonString(),
            Mutate(o => o.Remove("tokenId")).ToJsonString(),
            Mutate(o => o["salt"] = 9007199254740992).ToJsonString(),        // 2^53
            Mutate(o => { o["orderType"] = "FOK"; o["amount"] = 5; o["postOnly"] = true; }).ToJsonString(),
            Mutate(o => o["orderType"] = "GTD").ToJsonString(),              // no expiration
            Mutate(o => o["size"] = 0.001).ToJsonString(),
            Mutate(o => o["version"] = 1).ToJsonString(),
            "[1,2]",
        ];
        var (code, lines) = Run(string.Join('\n', input), "order", "sign");
        Assert.Equal(1, code);
        Assert.Equal(input.Length, lines.Length);
        string[] expectedErrors =
        [
            "invalid JSON", "not a multiple of the tick", null!, "Private key must be 64 hex digits", "tokenId", "2^53", "postOnly", "expiration", "size must be at least", "version", "not a JSON object",
        ];
        for (int i = 0; i < input.Length; i++)
        {
            var result = JsonDocument.Parse(lines[i]).RootElement;
            Assert.DoesNotContain("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", lines[i]);
            if (expectedErrors[i] is null)
            {
                Assert.Equal(good.GetProperty("orderId").GetString(), result.GetProperty("orderId").GetString());
                continue;
            }
            Assert.Equal(i + 1, result.GetProperty("line").GetInt32());
            Assert.Contains(expectedErrors[i], result.GetProperty("error").GetString());
        }
    }

    [Fact]
    public void AuthL1_MatchesOfficialClient()
    {
        var vectors = Vectors("l1-headers.json");
        var (code, lines) = Run(string.Join('\n', vectors.Select(v => Compact(v.GetProperty("input")))), "auth", "l1");
        Assert.Equal(0, code);
        Assert.Equal(vectors.Length, lines.Length);
        for (int i = 0; i < vectors.Length; i++)
            Assert.Equal(vectors[i].GetProperty("headers").GetRawText().Replace(" ", "").Replace("\n", ""),
                JsonDocument.Parse(lines[i]).RootElement.GetProperty("headers").GetRawText());
    }

    [Fact]
    public void AuthL2_MatchesOfficialClient_AndReportsBadLines()
    {
        var vectors = Vectors("l2-headers.json");
        var inputs = vectors.Select(v => Compact(v.GetProperty("input"))).ToList();
        inputs.Add("{\"address\":\"0xabc\",\"apiKey\":\"k\",\"secret\":\"not base64!\",\"passphrase\":\"p\",\"timestamp\":1,\"method\":\"GET\",\"requestPath\":\"/x\",\"body\":null}");
        inputs.Add("{\"address\":\"0xabc\",\"apiKey\":\"k\",\"secret\":\"c2VjcmV0\",\"passphrase\":\"p\",\"method\":\"GET\",\"requestPath\":\"/x\"}");
        var (code, lines) = Run(string.Join('\n', inputs), "auth", "l2");
        Assert.Equal(1, code);
        Assert.Equal(inputs.Count, lines.Length);
        for (int i = 0; i < vectors.Length; i++)
        {
            var expected = JsonNode.Parse(vectors[i].GetProperty("headers").GetRawText())!.ToJsonString();
            Assert.Equal(expected, JsonNode.Parse(JsonDocument.Parse(lines[i]).RootElement.GetProperty("headers").GetRawText())!.ToJsonString());
        }
        Assert.Contains("base64url", lines[^2]);
        Assert.DoesNotContain("not base64!", lines[^2]);
        Assert.Contains("timestamp is missing", lines[^1]);
    }
}
