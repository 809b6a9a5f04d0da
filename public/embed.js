/* Tech Targets embed helper: resizes every Tech Targets iframe on this page to the height it reports.
   Include once, anywhere on the article page: <script src="embed.js" async></script>
   Without it the iframe keeps the fixed height written in the embed code. */
(function () {
  if (window.__techTargetsEmbed) return;
  window.__techTargetsEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'tech-targets:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
