using System.Text.Json.Serialization;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// A panel's place as Grafana's <c>gridPos</c>: <see cref="X"/> and <see cref="W"/> in 24 columns,
/// <see cref="Y"/> and <see cref="H"/> in rows of 30 px.
/// </summary>
public sealed record GridPos(int X, int Y, int W, int H)
{
    public const int Columns = 24;

    [JsonIgnore]
    public int Bottom => Y + H;

    [JsonIgnore]
    public int Right => X + W;

    public bool Overlaps(GridPos other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}
