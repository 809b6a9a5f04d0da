/* Tech Targets embed helper: resizes the Tech Targets iframes on this page to the height they report.
   Include once, anywhere on the article page, from the same folder as the app: <script src="embed.js" async></script>
   Without it the iframe keeps the fixed height written in the embed code. */
(function () {
  if (window.__techTargetsEmbed) return;
  window.__techTargetsEmbed = true;
  // The app lives beside this script: only frames showing a page from that folder are resized.
  var script = document.currentScript;
  var appFolder = script && script.src ? script.src.replace(/[^/]*([?#].*)?$/, '') : '';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'tech-targets:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (appFolder && frame.src.indexOf(appFolder) !== 0) continue;
      frame.style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
