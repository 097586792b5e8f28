using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastMaker.Polymarket.Tests.Parsing;

/// <summary>
/// Structure-aware mutations of recorded frames that stay well-formed JSON (mostly), so they get
/// past the tokenizer and into the value, field and event logic of the span fast path: values
/// replaced by near-miss values of every kind the parsers read, fields removed, added, renamed and
/// duplicated, array elements dropped and repeated, frames wrapped in arrays, escapes, non-ASCII
/// text, indented or compact output. Byte-level mutation (<see cref="ParserFuzzTests.Mutate"/>)
/// breaks most frames at the tokenizer; this reaches everything after it.
/// </summary>
internal static class JsonFrameMutator
{
    private static readonly string[] KnownNames =
    [
        "event_type", "market", "asset_id", "timestamp", "hash", "bids", "asks", "buys", "sells", "price_changes", "changes",
        "tick_size", "min_order_size", "neg_risk", "last_trade_price", "price", "size", "side", "best_bid", "best_ask",
        "spread", "old_tick_size", "new_tick_size", "fee_rate_bps", "transaction_hash", "id", "type", "owner",
        "order_owner", "trade_owner", "status", "original_size", "size_matched", "associate_trades", "outcome",
        "created_at", "expiration", "order_type", "maker_address", "taker_order_id", "match_time", "last_update",
        "bucket_index", "trader_side", "maker_orders", "order_id", "matched_amount", "unknown_field",
    ];

    private static readonly string[] Decimals =
    [
        "0.5", ".5", "5.", "0.123456", "0.1234567", "0.1234560", "1", "0", "-0.5", "1e3", "0.999", "10500100", "00.5",
        "0..5", "+1", " 0.5", "0.5 ", "99999999999999", "0x10", "1.0", "0.000001", "abc", "\u0661",
    ];

    private static readonly string[] Words =
    [
        "BUY", "SELL", "buy", "Sell", "book", "price_change", "tick_size_change", "last_trade_price", "best_bid_ask",
        "new_market", "market_resolved", "order", "trade", "PLACEMENT", "UPDATE", "CANCELLATION", "TRADE", "LIVE",
        "MATCHED", "MINED", "CONFIRMED", "CANCELED", "RETRYING", "FAILED", "TRADE_STATUS_CONFIRMED",
        "CANCELED_order couldn't be fully filled", "GTC", "GTD", "FOK", "FAK", "TAKER", "MAKER", "Yes", "No", "YES",
        "Trump", "true", "false", "0.01", "0.001", "0.0001", "0.1", "0.005", "0.0025",
    ];

    public static byte[] Mutate(byte[] source, byte[][] corpus, Random random)
    {
        JsonNode root = JsonNode.Parse(source) ?? new JsonObject();
        int operations = 1 + random.Next(3);
        for (int k = 0; k < operations; k++)
        {
            MutateOnce(root, random);
        }

        if (random.Next(8) == 0)
        {
            var array = new JsonArray();
            int copies = 1 + random.Next(3);
            for (int c = 0; c < copies; c++)
            {
                array.Add(c == 0 ? root.DeepClone() : JsonNode.Parse(corpus[random.Next(corpus.Length)]));
            }

            root = array;
        }

        var options = new JsonSerializerOptions
        {
            WriteIndented = random.Next(2) == 0,
            // The default encoder escapes non-ASCII; the relaxed one writes raw UTF-8. Both must work.
            Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(root, options);
        return random.Next(6) == 0 ? InsertRawMember(bytes, random) : bytes;
    }

    private static void MutateOnce(JsonNode root, Random random)
    {
        var objects = new List<JsonObject>();
        var arrays = new List<JsonArray>();
        Collect(root, objects, arrays);
        if (arrays.Count > 0 && random.Next(4) == 0)
        {
            JsonArray array = arrays[random.Next(arrays.Count)];
            MutateArray(array, random);
            return;
        }

        if (objects.Count == 0)
        {
            return;
        }

        JsonObject target = objects[random.Next(objects.Count)];
        var names = new List<string>();
        foreach (KeyValuePair<string, JsonNode?> p in target)
        {
            names.Add(p.Key);
        }

        switch (random.Next(5))
        {
            case 0 when names.Count > 0: // remove a field
                target.Remove(names[random.Next(names.Count)]);
                break;
            case 1 when names.Count > 0: // rename a field to another known name
            {
                string from = names[random.Next(names.Count)];
                string to = KnownNames[random.Next(KnownNames.Length)];
                if (!target.ContainsKey(to))
                {
                    JsonNode? value = target[from];
                    target.Remove(from);
                    target[to] = value;
                }

                break;
            }

            case 2: // add or overwrite a known field with a random value
                target[KnownNames[random.Next(KnownNames.Length)]] = RandomValue(random, 0);
                break;
            case 3 when names.Count > 0: // replace a value
            case 4 when names.Count > 0:
                target[names[random.Next(names.Count)]] = RandomValue(random, 0);
                break;
            default:
                target["unknown_field"] = RandomValue(random, 0);
                break;
        }
    }

    private static void MutateArray(JsonArray array, Random random)
    {
        int count = array.Count;
        switch (random.Next(5))
        {
            case 0 when count > 0:
                array.RemoveAt(random.Next(count));
                break;
            case 1 when count > 0:
                array.Insert(random.Next(count + 1), array[random.Next(count)]?.DeepClone());
                break;
            case 2 when count > 0:
                array[random.Next(count)] = RandomValue(random, 0);
                break;
            case 3:
                array.Clear();
                break;
            default:
                array.Add(RandomValue(random, 0));
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects, List<JsonArray> arrays)
    {
        if (node is JsonObject o)
        {
            objects.Add(o);
            foreach (KeyValuePair<string, JsonNode?> p in o)
            {
                Collect(p.Value, objects, arrays);
            }
        }
        else if (node is JsonArray a)
        {
            arrays.Add(a);
            foreach (JsonNode? e in a)
            {
                Collect(e, objects, arrays);
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (random.Next(depth < 3 ? 14 : 11))
        {
            case 0: return null;
            case 1: return JsonValue.Create(string.Empty);
            case 2: return JsonValue.Create(Decimals[random.Next(Decimals.Length)]);
            case 3: return random.Next(3) switch { 0 => JsonValue.Create(random.Next(100)), 1 => JsonValue.Create(0.25m), _ => JsonValue.Create(1757908892351L) };
            case 4: return JsonValue.Create(random.Next(2) == 0);
            case 5: return JsonValue.Create(Words[random.Next(Words.Length)]);
            case 6: return JsonValue.Create(Hex(random, random.Next(3) switch { 0 => 64, 1 => 40, _ => random.Next(70) }, random.Next(2) == 0));
            case 7: return JsonValue.Create(Digits(random, random.Next(2) == 0 ? 77 : random.Next(1, 90)));
            case 8: return JsonValue.Create(random.Next(4) == 0 ? "not-a-guid" : Guid.NewGuid().ToString());
            case 9: return JsonValue.Create(random.Next(2) == 0 ? "1757908892351" : "1757908892");
            case 10: return JsonValue.Create(random.Next(2) == 0 ? "\u00e9t\u00e9 0.5" : "tab\there \"quoted\" \\ back");
            case 11: return new JsonObject { ["price"] = RandomValue(random, depth + 1), ["size"] = RandomValue(random, depth + 1) };
            case 12: return new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1));
            default: return new JsonObject { ["nested"] = new JsonArray(new JsonObject { ["deep"] = RandomValue(random, depth + 1) }) };
        }
    }

    private static string Hex(Random random, int digits, bool prefixed)
    {
        var sb = new StringBuilder(prefixed ? "0x" : string.Empty);
        for (int i = 0; i < digits; i++)
        {
            sb.Append("0123456789abcdefABCDEF"[random.Next(22)]);
        }

        return sb.ToString();
    }

    private static string Digits(Random random, int digits)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < digits; i++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }

        return sb.ToString();
    }

    // A raw member right after a random '{': the only way to get duplicate keys past JsonObject.
    private static byte[] InsertRawMember(byte[] json, Random random)
    {
        var starts = new List<int>();
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'{')
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return json;
        }

        int at = starts[random.Next(starts.Count)] + 1;
        string value = RandomValue(random, 1)?.ToJsonString() ?? "null";
        byte[] member = Encoding.UTF8.GetBytes("\"" + KnownNames[random.Next(KnownNames.Length)] + "\":" + value + ",");
        var result = new byte[json.Length + member.Length];
        json.AsSpan(0, at).CopyTo(result);
        member.CopyTo(result, at);
        json.AsSpan(at).CopyTo(result.AsSpan(at + member.Length));
        return result;
    }
}
