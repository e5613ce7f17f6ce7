// The pair page's charts: Plotly figures from the page's JSON data block (built by
// accord/web/charts.py), drawn over the static SVG they replace. Hovering a timeline dot shows
// the event and its evidence below the chart; clicking it opens the document at that sentence.
(function () {
  var block = document.getElementById("pair-charts");
  if (!block || typeof Plotly === "undefined") return;  // the static SVG stays
  var charts = JSON.parse(block.textContent);
  var config = {responsive: true, displayModeBar: false, scrollZoom: true};

  function draw(id, figure) {
    var node = document.getElementById(id);
    if (!node || !figure || !figure.data.length) return null;
    node.textContent = "";
    Plotly.newPlot(node, figure.data, figure.layout, config);
    return node;
  }

  function show(index) {
    var event = charts.events[index];
    var panel = document.getElementById("event-detail");
    if (!event || !panel) return;
    panel.querySelector(".detail-title").textContent = event.date + " · " + event.type;
    panel.querySelector(".detail-meta").textContent =
      event.source + " → " + event.target + " · " + event.documents + " document(s)";
    panel.querySelector(".detail-evidence").textContent = event.evidence.join(" … ");
    panel.querySelector(".detail-link").setAttribute("href", event.link);
    panel.dataset.event = String(index);
    panel.hidden = false;
  }

  var timeline = draw("timeline-chart", charts.timeline);
  draw("index-chart", charts.index);
  if (timeline) {
    timeline.on("plotly_hover", function (data) { show(data.points[0].customdata[0]); });
    timeline.on("plotly_click", function (data) { window.location.href = data.points[0].customdata[1]; });
  }
})();
