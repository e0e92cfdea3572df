// "Use my location" on the find pages (progressive enhancement: without JavaScript, or without geolocation, the
// button never appears). The position goes only to this portal, as /find?lat=..&lon=.., rounded to about 10 metres;
// the portal matches it to a council area and shows that area's partnership.

const messages = {
  1: 'You have not allowed this site to use your location. Type the name of your town, village or council area instead.',
  2: 'Your location could not be found. Type the name of your town, village or council area instead.',
  3: 'Finding your location took too long. Try again, or type the name of your town, village or council area instead.',
};

function enhance(container) {
  if (!('geolocation' in navigator)) {
    return;
  }

  const message = container.querySelector('.find-location__message');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ds_button ds_button--secondary';
  button.id = 'use-my-location';
  button.textContent = 'Use my location';
  container.insertBefore(button, message);
  container.hidden = false;

  button.addEventListener('click', () => {
    button.disabled = true;
    message.textContent = 'Finding your location…';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(container.dataset.findUrl || '/find', window.location.origin);
        url.searchParams.set('lat', position.coords.latitude.toFixed(4));
        url.searchParams.set('lon', position.coords.longitude.toFixed(4));
        window.location.assign(url.pathname + url.search);
      },
      (error) => {
        button.disabled = false;
        message.textContent = messages[error.code] || messages[2];
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  });
}

document.querySelectorAll('.find-location').forEach(enhance);
