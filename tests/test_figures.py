from __future__ import annotations

import itertools

import networkx as nx

from newsbrief.figures import NO_ACTORS, figure_bytes, graph_figure


def big_graph(n: int = 20) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(title="synthetic")
    names = [f"Actor Number {i} With Long Name" if i % 3 == 0 else f"Actor {i}" for i in range(n)]
    for i, name in enumerate(names):
        g.add_node(str(i), name=name, type="state" if i % 2 else "organization", mentions=i % 5)
    for i in range(n):
        g.add_edge(
            str(i),
            str((i * 7 + 3) % n),
            key="supports",
            type="supports",
            polarity="cooperative",
            weak=False,
            weight=1,
            evidence=[],
        )
    return g


def test_figure_labels_do_not_overlap_for_twenty_nodes():
    fig = graph_figure(big_graph())
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [
        t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_fontweight() == "bold"
    ]
    assert len(boxes) == 20
    assert not [1 for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


def test_figure_is_deterministic():
    g = big_graph(8)
    assert figure_bytes(graph_figure(g), "svg") == figure_bytes(graph_figure(g), "svg")
    assert figure_bytes(graph_figure(g), "png") == figure_bytes(graph_figure(g), "png")


def test_figure_discs_of_much_mentioned_actors_do_not_overlap(hub_graph):
    """Discs are sized in points, so they are kept apart at the size drawn."""
    fig = graph_figure(hub_graph)
    fig.canvas.draw()
    ax = fig.axes[0]
    discs = ax.collections[-1]
    centres = ax.transData.transform(discs.get_offsets())
    radii = [s**0.5 / 2 * fig.dpi / 72 for s in discs.get_sizes()]
    close = [
        (i, j)
        for i, j in itertools.combinations(range(len(radii)), 2)
        if ((centres[i] - centres[j]) ** 2).sum() ** 0.5 < radii[i] + radii[j]
    ]
    assert close == []


def test_edge_labels_stay_off_discs_names_and_each_other_in_a_dense_graph(hub_graph):
    """Labels at their edges' middles covered names and each other in this graph."""
    fig = graph_figure(hub_graph)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    names = [t.get_window_extent(renderer) for t in ax.texts if t.get_fontweight() == "bold"]
    edges = [t.get_window_extent(renderer) for t in ax.texts if t.get_fontweight() != "bold"]
    discs = ax.collections[-1]
    centres = ax.transData.transform(discs.get_offsets())
    radii = [s**0.5 / 2 * fig.dpi / 72 for s in discs.get_sizes()]

    def on_disc(box) -> bool:
        return any(
            box.x0 - r < cx < box.x1 + r and box.y0 - r < cy < box.y1 + r
            for (cx, cy), r in zip(centres, radii, strict=True)
        )

    assert len(edges) >= 60  # of 86 related pairs: only labels with no room are left out
    assert [e for e in edges if on_disc(e) or any(e.overlaps(n) for n in names)] == []
    assert not [1 for a, b in itertools.combinations(edges, 2) if a.overlaps(b)]


def test_edge_label_spots_are_the_same_on_every_run(hub_graph):
    from newsbrief.figures import edge_label_spots, layout

    g = hub_graph
    assert edge_label_spots(g, layout(g)) == edge_label_spots(g.copy(), layout(g.copy()))


def test_a_name_is_kept_apart_by_its_drawn_width_and_a_clear_gap():
    # Sized at 0.62 em a letter, a name of wide capitals took less room than
    # it is drawn with, and two names side by side read as one.
    import matplotlib.pyplot as plt

    from newsbrief.figures import _footprint

    for name in ("MWM WMW MWMW", "Mohammed Shia’a", "Ivo Illi"):
        fig = plt.figure(dpi=100)
        text = fig.text(0, 0, name, fontsize=9.5, fontweight="bold", family="DejaVu Sans")
        fig.canvas.draw()
        drawn = text.get_window_extent(fig.canvas.get_renderer()).width / fig.dpi
        plt.close(fig)
        width = _footprint(name, area=300.0)[0]
        assert drawn + 0.2 < width < drawn + 0.6


def test_a_figure_of_a_few_nodes_is_sized_to_them():
    """Two actors side by side sat at the ends of a 10 x 7.2 in figure, mostly empty."""
    g = nx.MultiDiGraph(title="two")
    g.add_node("a", name="Varnia", type="state", mentions=2)
    g.add_node("b", name="Tosland", type="state", mentions=1)
    g.add_edge("a", "b", key="met_with", type="met_with", polarity="cooperative", weak=False)
    width, height = graph_figure(g).get_size_inches()
    assert width < 7 and height < 4
    assert tuple(graph_figure(big_graph()).get_size_inches()) == (10.0, 7.2)


def test_a_figure_without_actors_says_why_it_is_empty():
    """A blank box under the caption on nodes and edges read as a failed drawing."""
    texts = [t.get_text() for t in graph_figure(nx.MultiDiGraph(title="calm")).axes[0].texts]
    assert texts == [NO_ACTORS]
    assert NO_ACTORS not in [t.get_text() for t in graph_figure(big_graph(4)).axes[0].texts]


def test_an_edge_label_words_its_relation_as_the_briefing_does():
    from newsbrief.figures import _edge_label

    edges = [{"type": "signed_agreement_with", "weight": 2}, {"type": "discussed_with"}]
    assert _edge_label(edges) == "signed an agreement with\nheld discussions with"


def test_a_node_label_drops_the_office_before_a_persons_name():
    from newsbrief.figures import _label

    g = nx.MultiDiGraph()
    g.add_node("p", name="Secretary General Varga", type="person")
    g.add_node("o", name="General Assembly", type="organization")
    assert (_label(g, "p"), _label(g, "o")) == ("Varga", "General Assembly")


def test_page_ones_long_names_take_two_balanced_lines_and_are_never_cut_at_a_hyphen():
    """Wrapped at 18 characters a long name took three lines where page one has room across."""
    from newsbrief.figures import PAGE_ONE, SCREEN, _label

    g = nx.MultiDiGraph()
    g.add_node("a", name="Intercontinental Maritime Weather Agency", type="organization")
    g.add_node("b", name="Ilse Marten-Okafor", type="person")
    g.add_node("c", name="Tomasz Brennan-Okafor", type="person")
    g.add_node("d", name="Board of the Federal Agency for Coastal and Island Weather Studies")
    assert _label(g, "a", PAGE_ONE) == "Intercontinental\nMaritime Weather Agency"
    assert _label(g, "a", SCREEN) == "Intercontinental\nMaritime Weather\nAgency"
    assert _label(g, "a") == _label(g, "a", SCREEN)
    assert _label(g, "b", PAGE_ONE) == "Ilse Marten-Okafor"  # 18 characters: one line
    assert _label(g, "c", PAGE_ONE) == "Tomasz\nBrennan-Okafor"
    assert _label(g, "c", SCREEN) == "Tomasz Brennan-\nOkafor"
    assert _label(g, "d", PAGE_ONE).split("\n") == [
        "Board of the Federal",
        "Agency for Coastal and",
        "Island Weather Studies",
    ]


def _printed_label_points(fig) -> float:
    """The names' size in points when the figure, cropped as saved, is printed as page
    one prints it: the 170 mm of the column wide, at most 80 mm high."""
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    return 9.5 * min(170 / box.width, 80 / box.height) / 25.4


def test_page_ones_figure_is_drawn_for_the_column_it_prints_in():
    """A 10 x 7.2 in figure capped at 80 mm high printed its names at about 4 pt."""
    from newsbrief.figures import PAGE_ONE

    for graph in (big_graph(2), big_graph(18)):
        fig = graph_figure(graph, frame=PAGE_ONE)
        assert tuple(fig.get_size_inches()) == PAGE_ONE.figsize  # a few nodes print no larger
        assert 7.0 <= _printed_label_points(fig) <= 8.5
        relations = [t for t in fig.axes[0].texts if t.get_fontweight() != "bold"]
        assert relations and {t.get_fontsize() for t in relations} == {PAGE_ONE.edge_pt}
        assert _printed_label_points(fig) * PAGE_ONE.edge_pt / 9.5 >= 7.0  # 6.1 pt at 7.5
        assert fig.axes[0].get_title() == ""  # the page's own heading names the article
        box = fig.get_tightbbox(fig.canvas.get_renderer())
        assert box.height * 170 / box.width < 72  # mm: page one has 65-80 under the bottom line
    assert _printed_label_points(graph_figure(big_graph(18))) < 5  # the screen's figure


def test_page_ones_legend_stands_beside_the_graph_and_its_names_do_not_overlap():
    from newsbrief.figures import PAGE_ONE

    fig = graph_figure(big_graph(18), frame=PAGE_ONE)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    assert ax.get_legend().get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_fontweight() == "bold"]
    assert len(boxes) == 18
    assert not [1 for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
    g = big_graph(8)
    assert figure_bytes(graph_figure(g, frame=PAGE_ONE), "png") == figure_bytes(
        graph_figure(g, frame=PAGE_ONE), "png"
    )


def test_page_ones_discs_are_half_the_area_and_the_layout_is_fitted_to_them():
    from newsbrief.figures import PAGE_ONE, layout, node_areas

    g = big_graph(6)
    assert node_areas(g, PAGE_ONE.disc) == {n: a / 2 for n, a in node_areas(g).items()}
    xs = [x for x, _ in layout(g, PAGE_ONE).values()]
    assert max(xs) - min(xs) <= PAGE_ONE.box[0] * 1.02


def test_an_edge_label_is_placed_inside_the_plot_or_left_out():
    """A label past the plot's edge was clipped away and its leader line pointed at nothing."""
    from newsbrief.figures import (
        PAGE_ONE,
        SCREEN,
        _limits,
        _plot_box,
        _text_half,
        edge_label_spots,
        layout,
    )

    g = nx.MultiDiGraph(title="edge")
    for i, name in enumerate(["Varnia", "Tosland", "Ostrava Pact", "Kell", "Minister Dorn"]):
        g.add_node(str(i), name=name, type="state", mentions=3)
    for u, v in (("0", "1"), ("1", "2"), ("2", "3"), ("3", "4"), ("4", "0"), ("0", "2")):
        g.add_edge(u, v, type="imposed_sanctions_on", polarity="conflictual", weak=False)
    for frame in (SCREEN, PAGE_ONE):
        pos = layout(g, frame)
        (x0, x1), (y0, y1) = _limits(pos, _plot_box(pos, frame), frame)
        spots = edge_label_spots(g, pos, frame)
        assert spots
        for (_, _, text), (x, y) in spots.items():
            hw, hh = _text_half(text)
            assert x0 <= x - hw and x + hw <= x1 and y0 <= y - hh and y + hh <= y1


def test_page_ones_names_keep_inside_the_figure_with_a_narrow_margin_above_and_below():
    """Half a three-line name or a large disc is 0.28 in: a 0.55 in margin left white bands."""
    from newsbrief.figures import PAGE_ONE

    g = nx.MultiDiGraph(title="tall")
    for i in range(12):
        name = f"Invented Council of the Coastal and Island Provinces {i}" if i % 2 else f"Land {i}"
        g.add_node(str(i), name=name, type="organization", mentions=12)
    for i in range(12):
        g.add_edge(str(i), str((i + 5) % 12), type="supports", polarity="cooperative", weak=False)
    fig = graph_figure(g, frame=PAGE_ONE)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    plot = fig.axes[0].get_window_extent(renderer)
    assert plot.height <= fig.get_size_inches()[1] * fig.dpi + 0.5
    names = [t for t in fig.axes[0].texts if t.get_fontweight() == "bold"]
    assert any(t.get_text().count("\n") == 2 for t in names)  # three-line names are drawn
    for t in names:
        box = t.get_window_extent(renderer)
        assert box.y0 >= plot.y0 and box.y1 <= plot.y1, t.get_text()
    assert PAGE_ONE.margin[1] < PAGE_ONE.margin[0]


def test_dollar_signs_are_drawn_as_written_not_as_mathtext():
    """Two "$" in a headline started mathtext: "$5 billion and ... $3" lost its dollars."""
    from matplotlib import cbook

    g = nx.MultiDiGraph(title="Varnia pledges $5 billion and Kell $3 billion in aid")
    g.add_node("A", name="Varnia $2 Fund $ Trust", type="organization", mentions=3)
    g.add_node("B", name="Kell", type="state", mentions=2)
    g.add_edge("A", "B", type="supports", polarity="cooperative", weak=False)
    fig = graph_figure(g)
    ax = fig.axes[0]
    texts = [ax.title, *ax.texts]
    assert not [t.get_text() for t in texts if cbook.is_math_text(t.get_text())]
    shown = {t._preprocess_math(t.get_text())[0] for t in texts}
    assert "Varnia pledges $5 billion and Kell $3 billion in aid" in shown
    assert any("$2 Fund $" in s for s in shown)


def test_page_ones_nodes_are_pushed_apart_inside_its_box_not_scaled_back_into_it():
    """Scaled back into the box after each push, crowded names were squeezed onto each other."""
    from dataclasses import replace

    from newsbrief.figures import PAGE_ONE

    def drawn(nodes, frame):
        fig = graph_figure(big_graph(nodes), frame=frame)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        names = [t.get_window_extent(renderer) for t in ax.texts if t.get_fontweight() == "bold"]
        overlaps = sum(a.overlaps(b) for a, b in itertools.combinations(names, 2))
        return ax, ax.get_window_extent(renderer), names, overlaps

    ax, plot, names, _ = drawn(18, PAGE_ONE)
    # drawn one inch to the inch: the limits are the box and its margin
    assert ax.get_xlim() == (-PAGE_ONE.box[0] / 2 - 0.55, PAGE_ONE.box[0] / 2 + 0.55)
    assert ax.get_ylim() == (-PAGE_ONE.box[1] / 2 - 0.3, PAGE_ONE.box[1] / 2 + 0.3)
    for box in names:
        assert plot.x0 <= box.x0 and box.x1 <= plot.x1 and plot.y0 <= box.y0 and box.y1 <= plot.y1
    # 30 nodes do not fit: 1 pair of names overlaps, 6 when scaled back
    assert drawn(30, PAGE_ONE)[3] < drawn(30, replace(PAGE_ONE, clamped=False))[3]
