package nl.rijksdienst.kpi.image;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.check.Verdict;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.sentence.Language;
import nl.rijksdienst.kpi.sentence.Words;

/**
 * A chart of one indicator's series, drawn as SVG. Every figure is drawn as the source gives it:
 * over the length of its period (a year is wider than a half year), a bound with an arrow towards
 * where the value lies, a range as a band from its low to its high end, a figure that is not final
 * (an interim figure, an estimate) as an open mark with a dashed line to it, a break in a series as
 * a break (no line across it, and a dotted line where it falls). A norm is a line at its threshold
 * with the side that breaches it shaded, its deadline a line of its own. Figures in words only and
 * figures without a period are listed under the chart. Under it: which marks mean what, and the
 * sources. The text alternative is a sentence; the description lists every figure drawn.
 */
public final class Chart {

    /** One figure of a series. {@code join} tells which figures a line may connect (the same kind of period and base). */
    public record Point(LocalDate start, LocalDate end, String period, Qualifier qualifier, BigDecimal value, BigDecimal low, BigDecimal high,
            String figure, boolean notFinal, boolean seriesBreak, String join, Verdict verdict) {

        boolean plotted() {
            return start != null && (value != null || (low != null && high != null)) && qualifier != Qualifier.qualitative;
        }
    }

    /** A series: its name and its figures in time order; a reference series is another indicator a comparison holds this one to. */
    public record Series(String label, List<Point> points, boolean reference) {
    }

    /** A norm drawn on the chart: its threshold as a line, the side that breaches it, and a deadline if it has one. */
    public record Rule(String label, BigDecimal value, boolean ceiling, LocalDate deadline, boolean interpreted) {
    }

    /** What to draw, in which language, with the sources under it and the sentence as the text alternative. */
    public record Spec(Language language, String title, String subtitle, Unit unit, List<Series> series, List<Rule> rules, List<String> notes,
            List<String> sources, String alt) {
    }

    static final double WIDTH = 720;
    private static final double PLOT_HEIGHT = 260;
    private static final double RIGHT = 24;
    private static final String[] COLOURS = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"};
    private static final String INK = "#222222";
    private static final String MUTED = "#555555";
    private static final String GRID = "#dddddd";
    private static final String BREACH = "#b3261e";

    private Chart() {
    }

    public static String svg(Spec spec) {
        return new Layout(spec).draw();
    }

    /** The positions of everything, worked out before a line is drawn. */
    private static final class Layout {
        private final Spec spec;
        private final boolean nl;
        private final List<String> titleLines;
        private final double top;
        private final double left;
        private final double plotWidth;
        private final double low;
        private final double high;
        private final double step;
        private final long firstDay;
        private final long lastDay;
        private final List<String> legend = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final boolean empty;
        /** A span of at most three years shows its quarters, the years under them. */
        private final boolean quarters;
        /** The labels placed so far: a label does not cover another. */
        private final List<Placed> placed = new ArrayList<>();

        Layout(Spec spec) {
            this.spec = spec;
            this.nl = spec.language() == Language.nl;
            this.titleLines = TextWidth.wrap(spec.title(), WIDTH - 32, 16, true);
            this.top = 16 + titleLines.size() * 20 + (spec.subtitle() == null ? 0 : 18) + 14;
            double min = 0;
            double max = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Series series : spec.series()) {
                for (Point p : series.points()) {
                    if (!p.plotted()) {
                        continue;
                    }
                    for (BigDecimal v : new BigDecimal[] {p.value(), p.low(), p.high()}) {
                        if (v != null) {
                            min = Math.min(min, v.doubleValue());
                            max = Math.max(max, v.doubleValue());
                        }
                    }
                    first = Math.min(first, p.start().toEpochDay());
                    last = Math.max(last, p.end().toEpochDay() + 1);
                }
            }
            for (Rule rule : spec.rules()) {
                if (rule.value() != null) {
                    min = Math.min(min, rule.value().doubleValue());
                    max = Math.max(max, rule.value().doubleValue());
                }
                if (rule.deadline() != null && first != Long.MAX_VALUE) {
                    last = Math.max(last, rule.deadline().toEpochDay() + 1);
                }
            }
            this.empty = first == Long.MAX_VALUE;
            if (empty) {
                // nothing to place in time: the axis has no years, the plot says so
                first = 0;
                last = 1;
            }
            double highest = max;
            // room above the highest figure for its label
            max = max + (max - min) * 0.15;
            if (max == min) {
                max = min + 1;
            }
            this.step = niceStep((max - min) / 5);
            this.low = Math.floor(min / step) * step;
            double top = Math.ceil(max / step) * step;
            // a share does not go past 100%, so neither does its axis
            this.high = spec.unit() == Unit.percent && highest <= 100 && top > 100 ? Math.max(100, low + step) : top;
            this.firstDay = first;
            this.lastDay = last;
            this.quarters = !empty && last - first <= 3 * 366;
            double widest = 0;
            for (double v = low; v <= high + step / 2; v += step) {
                widest = Math.max(widest, TextWidth.of(tick(v), 11, false));
            }
            this.left = Math.ceil(widest + 20);
            this.plotWidth = WIDTH - left - RIGHT;
        }

        double x(LocalDate day) {
            return x(day.toEpochDay());
        }

        double x(long epochDay) {
            return left + (epochDay - firstDay) * plotWidth / (double) (lastDay - firstDay);
        }

        double y(double value) {
            return top + PLOT_HEIGHT - (value - low) * PLOT_HEIGHT / (high - low);
        }

        double y(BigDecimal value) {
            return y(value.doubleValue());
        }

        String tick(double value) {
            BigDecimal v = BigDecimal.valueOf(value).setScale(step < 1 ? 2 : 0, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            String number = Words.number(v.compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO : v, spec.language());
            return spec.unit() == Unit.percent ? number + "%" : number;
        }

        String draw() {
            List<String> sourceLines = new ArrayList<>();
            if (!spec.sources().isEmpty()) {
                sourceLines.addAll(TextWidth.wrap((nl ? "Bron: " : "Source: ") + String.join("; ", spec.sources()), WIDTH - 32, 11, false));
            }
            // the body is drawn first, to know which marks need explaining; the notes and sources go under it
            Svg body = Svg.fragment();
            StringBuilder description = new StringBuilder();
            drawBody(body, description);
            List<String> explained = new ArrayList<>(legend);
            explained.addAll(notes);
            List<String> noteLines = new ArrayList<>();
            for (String note : explained) {
                noteLines.addAll(TextWidth.wrap(note, WIDTH - 32, 11, false));
            }
            double legendTop = top + PLOT_HEIGHT + (quarters ? 48 : 34);
            List<double[]> entries = new ArrayList<>();
            double legendHeight = spec.series().size() > 1 ? legendRows(entries) * 18 + 6 : 0;
            double notesTop = legendTop + legendHeight;
            double sourceTop = notesTop + noteLines.size() * 15 + (noteLines.isEmpty() ? 0 : 6);
            double height = Math.ceil(sourceTop + sourceLines.size() * 15 + 8);

            Svg svg = new Svg(WIDTH, height, spec.alt(), description.toString().strip());
            svg.element("rect", "width", WIDTH, "height", height, "fill", "#ffffff");
            double lineY = 16 + 16;
            for (String line : titleLines) {
                svg.text("text", line, "x", 16, "y", lineY - 4, "font-size", 16, "font-weight", "bold", "fill", INK);
                lineY += 20;
            }
            if (spec.subtitle() != null) {
                svg.text("text", spec.subtitle(), "x", 16, "y", lineY - 6, "font-size", 12, "fill", MUTED);
            }
            svg.append(body);
            if (spec.series().size() > 1) {
                drawLegend(svg, legendTop, entries);
            }
            double y = notesTop + 11;
            for (String line : noteLines) {
                svg.text("text", line, "x", 16, "y", y, "font-size", 11, "fill", INK);
                y += 15;
            }
            y = sourceTop + 11;
            for (String line : sourceLines) {
                svg.text("text", line, "x", 16, "y", y, "font-size", 11, "fill", MUTED);
                y += 15;
            }
            return svg.finish();
        }

        private void drawBody(Svg svg, StringBuilder description) {
            double bottom = top + PLOT_HEIGHT;
            double right = left + plotWidth;
            // the value axis: grid lines and their numbers
            svg.group("aria-hidden", "true");
            // without figures or a threshold there is no scale to show
            boolean scale = !empty || spec.rules().stream().anyMatch(r -> r.value() != null);
            for (double v = low; scale && v <= high + step / 2; v += step) {
                svg.element("line", "x1", left, "x2", right, "y1", y(v), "y2", y(v), "stroke", Math.abs(v) < step / 1000 ? "#999999" : GRID);
                svg.text("text", tick(v), "x", left - 8, "y", y(v) + 4, "font-size", 11, "fill", MUTED, "text-anchor", "end");
            }
            if (empty) {
                svg.end("g");
                svg.text("text", nl ? "Geen cijfers om te tekenen." : "No figures to draw.", "x", left + plotWidth / 2, "y", top + PLOT_HEIGHT / 2,
                        "font-size", 13, "fill", MUTED, "text-anchor", "middle");
                for (Rule rule : spec.rules()) {
                    drawRule(svg, rule, bottom, right);
                }
                addUnplotted();
                return;
            }
            // the time axis: a tick at each new year, the year under its middle
            int firstYear = LocalDate.ofEpochDay(firstDay).getYear();
            int lastYear = LocalDate.ofEpochDay(lastDay - 1).getYear();
            int every = Math.max(1, (int) Math.ceil((lastYear - firstYear + 1) / 12.0));
            for (int year = firstYear; year <= lastYear; year++) {
                long start = Math.max(firstDay, LocalDate.of(year, 1, 1).toEpochDay());
                long end = Math.min(lastDay, LocalDate.of(year + 1, 1, 1).toEpochDay());
                if (LocalDate.of(year, 1, 1).toEpochDay() > firstDay) {
                    svg.element("line", "x1", x(start), "x2", x(start), "y1", bottom, "y2", bottom + 5, "stroke", "#999999");
                }
                if ((year - firstYear) % every == 0 && end > start) {
                    svg.text("text", String.valueOf(year), "x", (x(start) + x(end)) / 2, "y", bottom + (quarters ? 32 : 18), "font-size", 11, "fill", MUTED,
                            "text-anchor", "middle");
                }
                for (int quarter = 0; quarters && quarter < 4; quarter++) {
                    long from = LocalDate.of(year, 1 + 3 * quarter, 1).toEpochDay();
                    long to = LocalDate.of(year, 1 + 3 * quarter, 1).plusMonths(3).toEpochDay();
                    if (from > firstDay && from < lastDay && quarter > 0) {
                        svg.element("line", "x1", x(from), "x2", x(from), "y1", bottom, "y2", bottom + 3, "stroke", "#bbbbbb");
                    }
                    long shownFrom = Math.max(from, firstDay);
                    long shownTo = Math.min(to, lastDay);
                    // a quarter is named where at least half of it is on the axis
                    if (shownTo - shownFrom >= (to - from) / 2) {
                        svg.text("text", (nl ? "K" : "Q") + (quarter + 1), "x", (x(shownFrom) + x(shownTo)) / 2, "y", bottom + 15, "font-size", 10,
                                "fill", MUTED, "text-anchor", "middle");
                    }
                }
            }
            svg.end("g");
            for (Rule rule : spec.rules()) {
                drawRule(svg, rule, bottom, right);
            }
            Set<String> marks = new LinkedHashSet<>();
            for (int i = 0; i < spec.series().size(); i++) {
                Series series = spec.series().get(i);
                drawSeries(svg, series, i, marks, description);
            }
            legend.addAll(marks);
            addUnplotted();
        }

        private void addUnplotted() {
            notes.addAll(spec.notes());
            for (Series series : spec.series()) {
                for (Point p : series.points()) {
                    if (!p.plotted()) {
                        String where = spec.series().size() > 1 ? series.label() + ", " : "";
                        notes.add(p.start() == null
                                ? (nl ? "Niet getekend, de bron noemt geen periode: " : "Not drawn, the source names no period: ") + where + p.figure() + "."
                                : (nl ? "Niet getekend, de bron geeft geen getal: " : "Not drawn, the source gives no number: ") + where + p.period() + " " + p.figure() + ".");
                    }
                }
            }
        }

        private void drawRule(Svg svg, Rule rule, double bottom, double right) {
            if (rule.value() != null) {
                double at = y(rule.value());
                double shadeTop = rule.ceiling() ? top : at;
                double shadeBottom = rule.ceiling() ? at : bottom;
                svg.element("rect", "x", left, "y", shadeTop, "width", plotWidth, "height", Math.max(0, shadeBottom - shadeTop), "fill", BREACH,
                        "fill-opacity", "0.06", "aria-hidden", "true");
                svg.element("line", "x1", left, "x2", right, "y1", at, "y2", at, "stroke", INK, "stroke-width", 1.5,
                        "stroke-dasharray", rule.interpreted() ? "2 3" : "7 4");
                double labelY = rule.ceiling() ? at - 6 : at + 15;
                svg.element("rect", "x", left + 2, "y", labelY - 11, "width", TextWidth.of(rule.label(), 11, false) + 6, "height", 15, "fill", "#ffffff",
                        "fill-opacity", "0.85");
                svg.text("text", rule.label(), "x", left + 5, "y", labelY, "font-size", 11, "fill", INK);
            }
            if (!empty && rule.deadline() != null && rule.deadline().toEpochDay() + 1 <= lastDay && rule.deadline().toEpochDay() >= firstDay) {
                double at = x(rule.deadline().toEpochDay() + 1);
                svg.element("line", "x1", at, "x2", at, "y1", top, "y2", bottom, "stroke", INK, "stroke-dasharray", "3 3");
                String label = (nl ? "uiterlijk " : "by ") + Words.date(rule.deadline(), spec.language());
                double width = TextWidth.of(label, 11, false);
                boolean fitsLeft = at - left > width + 8;
                svg.text("text", label, "x", fitsLeft ? at - 4 : at + 4, "y", top + 12, "font-size", 11, "fill", INK, "text-anchor", fitsLeft ? "end" : "start");
            }
        }

        private void drawSeries(Svg svg, Series series, int index, Set<String> marks, StringBuilder description) {
            String colour = series.reference() ? "#666666" : COLOURS[index % COLOURS.length];
            List<Point> drawn = series.points().stream().filter(Point::plotted).toList();
            description.append(series.label()).append(": ");
            List<String> listed = new ArrayList<>();
            svg.group("aria-hidden", "true");
            boolean labelAll = drawn.size() <= 12;
            Point previous = null;
            for (int i = 0; i < drawn.size(); i++) {
                Point p = drawn.get(i);
                double from = x(p.start());
                double to = x(p.end().toEpochDay() + 1);
                double mid = (from + to) / 2;
                if (p.seriesBreak() && previous != null) {
                    svg.element("line", "x1", from, "x2", from, "y1", top, "y2", top + PLOT_HEIGHT, "stroke", "#999999", "stroke-dasharray", "1 3");
                    svg.text("text", nl ? "breuk" : "break", "x", from + 3, "y", top + PLOT_HEIGHT - 4, "font-size", 10, "fill", MUTED);
                    marks.add(nl ? "Stippellijn met ‘breuk’: breuk in de reeks, niet vergelijkbaar met eerdere periodes."
                            : "Dotted line marked ‘break’: break in series, not comparable with earlier periods.");
                }
                if (previous != null && !p.seriesBreak() && p.join().equals(previous.join()) && previous.value() != null && p.value() != null) {
                    double prevMid = (x(previous.start()) + x(previous.end().toEpochDay() + 1)) / 2;
                    svg.element("line", "x1", prevMid, "x2", mid, "y1", y(previous.value()), "y2", y(p.value()), "stroke", colour, "stroke-width", 2,
                            "stroke-dasharray", previous.notFinal() || p.notFinal() || series.reference() ? "5 4" : null);
                }
                double labelY;
                if (p.value() == null) {
                    // a range: a band over its period from its low to its high end
                    double yLow = y(p.low());
                    double yHigh = y(p.high());
                    svg.element("rect", "x", from, "y", yHigh, "width", Math.max(2, to - from), "height", Math.max(2, yLow - yHigh), "fill", colour,
                            "fill-opacity", "0.18", "stroke", colour);
                    labelY = yHigh - 6;
                    marks.add(nl ? "Vlak: de bron geeft een bandbreedte, geen enkel getal." : "Band: the source gives a range, not a single number.");
                } else {
                    double at = y(p.value());
                    svg.element("line", "x1", from, "x2", to, "y1", at, "y2", at, "stroke", colour, "stroke-width", 3, "stroke-opacity", "0.35");
                    marker(svg, index, mid, at, colour, !p.notFinal());
                    labelY = at - 9;
                    if (p.qualifier() == Qualifier.lower_bound || p.qualifier() == Qualifier.upper_bound) {
                        boolean up = p.qualifier() == Qualifier.lower_bound;
                        double tip = up ? at - 22 : at + 22;
                        svg.element("line", "x1", mid, "x2", mid, "y1", up ? at - 6 : at + 6, "y2", tip, "stroke", colour, "stroke-width", 1.5);
                        svg.element("path", "d", "M" + Svg.n(mid - 4) + " " + Svg.n(tip + (up ? 5 : -5)) + "L" + Svg.n(mid) + " " + Svg.n(tip) + "L" + Svg.n(mid + 4)
                                + " " + Svg.n(tip + (up ? 5 : -5)), "fill", "none", "stroke", colour, "stroke-width", 1.5);
                        labelY = up ? tip - 4 : at - 9;
                        marks.add(up ? (nl ? "Pijl omhoog: een ondergrens (‘ruim’, ‘meer dan’); de waarde is hoger." : "Arrow up: a lower bound; the value is higher.")
                                : (nl ? "Pijl omlaag: een bovengrens; de waarde is lager." : "Arrow down: an upper bound; the value is lower."));
                    }
                    if (p.qualifier() == Qualifier.approximate) {
                        marks.add(nl ? "‘ca.’ of ‘ongeveer’: een cijfer bij benadering." : "‘about’: an approximate figure.");
                    }
                }
                if (p.notFinal()) {
                    marks.add(nl ? "Open symbool en stippellijn: geen definitief cijfer (een tussenstand, schatting of verwachting)."
                            : "Open mark and dashed line: not a final figure (an interim figure, estimate or forecast).");
                }
                String label = p.figure() + (p.verdict() == null ? "" : " " + Badge.symbol(p.verdict()));
                if (labelAll || i == drawn.size() - 1) {
                    label(svg, label, mid, labelY, p.verdict() != null);
                }
                if (p.verdict() != null) {
                    marks.add(nl ? "✓ voldaan, ✗ overschreden of niet gehaald, ↗ op koers, ↘ niet op koers, ? onbepaald."
                            : "✓ met, ✗ breached, ↗ on track, ↘ off track, ? indeterminate.");
                }
                listed.add(p.period() + " " + p.figure() + (p.notFinal() ? (nl ? " (niet definitief)" : " (not final)") : ""));
                previous = p;
            }
            svg.end("g");
            description.append(String.join("; ", listed)).append(". ");
        }

        /**
         * A figure's label above its mark, moved up where it would cover another; the same text at the
         * same place (the same figure in two series) is written once.
         */
        private void label(Svg svg, String text, double mid, double y, boolean bold) {
            double width = TextWidth.of(text, 11, bold);
            double x = Math.max(left + width / 2, Math.min(left + plotWidth - width / 2, mid));
            double at = Math.max(top + 10, y);
            for (int attempt = 0; attempt < 4; attempt++) {
                Placed clash = null;
                for (Placed other : placed) {
                    if (Math.abs(other.x() - x) < (other.width() + width) / 2 && Math.abs(other.y() - at) < 12) {
                        clash = other;
                        break;
                    }
                }
                if (clash == null) {
                    break;
                }
                if (clash.text().equals(text) && Math.abs(clash.x() - x) < 1 && Math.abs(clash.y() - at) < 1) {
                    return;
                }
                at -= 13;
            }
            placed.add(new Placed(text, x, at, width));
            svg.text("text", text, "x", x, "y", at, "font-size", 11, "fill", INK, "text-anchor", "middle", "font-weight", bold ? "bold" : null);
        }

        /** A series' mark: circle, square, diamond or triangle by its place, filled for a final figure and open for the others. */
        private void marker(Svg svg, int index, double cx, double cy, String colour, boolean filled) {
            String fill = filled ? colour : "#ffffff";
            switch (index % 4) {
                case 0 -> svg.element("circle", "cx", cx, "cy", cy, "r", 4.5, "fill", fill, "stroke", colour, "stroke-width", 2);
                case 1 -> svg.element("rect", "x", cx - 4, "y", cy - 4, "width", 8, "height", 8, "fill", fill, "stroke", colour, "stroke-width", 2);
                case 2 -> svg.element("path", "d", "M" + Svg.n(cx) + " " + Svg.n(cy - 5.5) + "L" + Svg.n(cx + 5.5) + " " + Svg.n(cy) + "L" + Svg.n(cx) + " "
                        + Svg.n(cy + 5.5) + "L" + Svg.n(cx - 5.5) + " " + Svg.n(cy) + "Z", "fill", fill, "stroke", colour, "stroke-width", 2);
                default -> svg.element("path", "d", "M" + Svg.n(cx) + " " + Svg.n(cy - 5.5) + "L" + Svg.n(cx + 5.5) + " " + Svg.n(cy + 4.5) + "L"
                        + Svg.n(cx - 5.5) + " " + Svg.n(cy + 4.5) + "Z", "fill", fill, "stroke", colour, "stroke-width", 2);
            }
        }

        /** Places the legend's entries in rows; each entry is x, row. Returns the number of rows. */
        private int legendRows(List<double[]> entries) {
            double x = 16;
            int row = 0;
            for (Series series : spec.series()) {
                double width = 22 + TextWidth.of(series.label(), 11, false) + 16;
                if (x + width > WIDTH - 16 && x > 16) {
                    row++;
                    x = 16;
                }
                entries.add(new double[] {x, row});
                x += width;
            }
            return row + 1;
        }

        private void drawLegend(Svg svg, double legendTop, List<double[]> entries) {
            for (int i = 0; i < spec.series().size(); i++) {
                Series series = spec.series().get(i);
                double x = entries.get(i)[0];
                double y = legendTop + entries.get(i)[1] * 18;
                String colour = series.reference() ? "#666666" : COLOURS[i % COLOURS.length];
                svg.element("line", "x1", x, "x2", x + 16, "y1", y, "y2", y, "stroke", colour, "stroke-width", 2,
                        "stroke-dasharray", series.reference() ? "5 4" : null);
                marker(svg, i, x + 8, y, colour, true);
                svg.text("text", series.label(), "x", x + 22, "y", y + 4, "font-size", 11, "fill", INK);
            }
        }
    }

    /** A label where it was written, centred on x. */
    private record Placed(String text, double x, double y, double width) {
    }

    /** 1, 2, 2.5 or 5 times a power of ten: the step between grid lines. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
