using System.Text;
using System.Text.Json.Nodes;

namespace ChatApis.Reliability.Tests.Payloads;

/// <summary>Deterministic hostile variants of a JSON document (seeded per model and mutation index).</summary>
public static class Mutator
{
    public const int Kinds = 12;

    public const string UnknownProperty = "zz_reliability_unknown";

    public static string KindOf(int index) => (index % Kinds) switch
    {
        0 => "delete-property",
        1 => "set-null",
        2 => "swap-type",
        3 => "add-unknown",
        4 => "nest-10000-deep",
        5 => "huge-string",
        6 => "invalid-utf8",
        7 => "truncate",
        8 => "duplicate-key",
        9 => "bom",
        10 => "trailing-garbage",
        _ => "extreme-number",
    };

    public static byte[] Mutate(string json, int seed, int index, out bool addedUnknownAtRoot)
    {
        var random = new Random((seed * 7919) + index);
        addedUnknownAtRoot = false;
        var root = JsonNode.Parse(json)!;
        var slots = Slots(root).ToList();
        (JsonNode Parent, object Key) Pick() => slots[random.Next(slots.Count)];
        switch (index % Kinds)
        {
            case 0:
                var objectSlots = slots.Where(s => s.Parent is JsonObject).ToList();
                if (objectSlots.Count > 0)
                {
                    var (p, k) = objectSlots[random.Next(objectSlots.Count)];
                    ((JsonObject)p).Remove((string)k);
                }

                break;
            case 1:
                Set(Pick(), null);
                break;
            case 2:
                Set(Pick(), OtherType(random));
                break;
            case 3:
                var model = root is JsonArray { Count: > 0 } a && a[0] is JsonObject first ? first : root as JsonObject;
                if (index % (Kinds * 2) == 3 && model is not null)
                {
                    model[UnknownProperty] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
                    addedUnknownAtRoot = true;
                }
                else
                {
                    var objects = Descendants(root).OfType<JsonObject>().ToList();
                    if (objects.Count > 0)
                    {
                        objects[random.Next(objects.Count)][UnknownProperty + index] = random.Next();
                    }
                }

                break;
            case 4:
                return Encoding.UTF8.GetBytes(Replace(root, Pick(), new string('[', 10_000) + new string(']', 10_000)));
            case 5:
                // A 2 MB string a few times per model; 64 KB otherwise keeps the suite quick.
                Set(Pick(), new string('x', index % (Kinds * 5) == 5 ? 2 * 1024 * 1024 : 64 * 1024));
                break;
            case 6:
                var text = Encoding.UTF8.GetBytes(root.ToJsonString());
                var quotes = text.Select((b, i) => (b, i)).Where(t => t.b == (byte)'"').Select(t => t.i).ToList();
                var at = quotes.Count > 0 ? quotes[random.Next(quotes.Count)] + 1 : 0;
                byte[] bad = random.Next(3) switch { 0 => [0xC3, 0x28], 1 => [0xFF], _ => [0xED, 0xA0, 0x80] };
                return [.. text.AsSpan(0, at), .. bad, .. text.AsSpan(at)];
            case 7:
                var full = Encoding.UTF8.GetBytes(root.ToJsonString());
                return full.AsSpan(0, (index * 7) % Math.Max(1, full.Length)).ToArray();
            case 8:
                var serialized = root.ToJsonString();
                var (dp, dk) = slots.FirstOrDefault(s => s.Parent is JsonObject);
                if (dp is JsonObject)
                {
                    var brace = serialized.IndexOf('{', StringComparison.Ordinal);
                    var duplicate = $"\"{dk}\":{(OtherType(random)?.ToJsonString() ?? "null")},";
                    return Encoding.UTF8.GetBytes(serialized.Insert(brace + 1, duplicate));
                }

                break;
            case 9:
                return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(root.ToJsonString())];
            case 10:
                return Encoding.UTF8.GetBytes(root.ToJsonString() + (random.Next(2) == 0 ? " }{garbage" : "\u0000xyz"));
            default:
                return Encoding.UTF8.GetBytes(Replace(root, Pick(), random.Next(4) switch { 0 => "1e400", 1 => "-1", 2 => "9223372036854775808", _ => "0.5" }));
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonNode? OtherType(Random random) => random.Next(5) switch
    {
        0 => JsonValue.Create("text"),
        1 => JsonValue.Create(42.5),
        2 => JsonValue.Create(true),
        3 => new JsonObject { ["a"] = 1 },
        _ => new JsonArray(1, 2),
    };

    private static void Set((JsonNode Parent, object Key) slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject o)
        {
            o[(string)slot.Key] = value;
        }
        else if (slot.Parent is JsonArray a)
        {
            a[(int)slot.Key] = value;
        }
    }

    // Raw text in place of a value: a marker goes in through the DOM, then is swapped for the raw text.
    private static string Replace(JsonNode root, (JsonNode Parent, object Key) slot, string raw)
    {
        const string Marker = "__reliability_marker__";
        Set(slot, JsonValue.Create(Marker));
        return root.ToJsonString().Replace($"\"{Marker}\"", raw, StringComparison.Ordinal);
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key);
                if (child is not null)
                {
                    foreach (var s in Slots(child))
                    {
                        yield return s;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, i);
                if (a[i] is { } child)
                {
                    foreach (var s in Slots(child))
                    {
                        yield return s;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        foreach (var (parent, key) in Slots(node))
        {
            var child = parent is JsonObject o ? o[(string)key] : ((JsonArray)parent)[(int)key];
            if (child is JsonObject or JsonArray)
            {
                yield return child;
            }
        }
    }
}
