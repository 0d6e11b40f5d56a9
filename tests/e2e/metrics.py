import httpx


def sample(url: str, series: str) -> float:
    """One series' value, e.g. 'ombud_x_total{a="b"}'; 0 if it has not been counted yet."""
    for line in httpx.get(f"{url}/metrics").text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def total(url: str, name: str) -> float:
    """The sum over all label sets of a metric."""
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in httpx.get(f"{url}/metrics").text.splitlines()
        if line.startswith(name + "{") or line.startswith(name + " ")
    )
