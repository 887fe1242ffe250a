// Suggestions while typing a municipality in the keuzehulp. Progressive: without this script the form works the same.
;(function () {
  var input = document.querySelector('input[data-suggesties]')
  if (!input || !input.list) return
  var list = input.list
  var timer = null
  var last = ''
  input.addEventListener('input', function () {
    var value = input.value.trim()
    if (timer) clearTimeout(timer)
    if (value.length < 2 || /^\d/.test(value) || value === last) return
    timer = setTimeout(function () {
      last = value
      fetch(input.getAttribute('data-suggesties') + '?q=' + encodeURIComponent(value), {
        credentials: 'omit',
      })
        .then(function (res) {
          return res.ok ? res.json() : { suggestions: [] }
        })
        .then(function (body) {
          list.textContent = ''
          body.suggestions.forEach(function (s) {
            var option = document.createElement('option')
            option.value = s.name
            list.appendChild(option)
          })
        })
        .catch(function () {})
    }, 150)
  })
})()
