import { describe, expect, it } from "vitest";

import { detectLanguage } from "./index";

describe("detectLanguage", () => {
  it.each([
    ["ru", "Власти России разделяют озабоченность нынешним состоянием двусторонних связей с Грузией и призыв к их улучшению."],
    ["uk", "Україна отримала нову партію військової допомоги від партнерів, повідомили у міністерстві оборони в п'ятницю."],
    ["en", "The government announced new measures on Friday to support small businesses affected by the crisis."],
    ["de", "Die Bundesregierung hat am Freitag neue Maßnahmen zur Unterstützung kleiner Unternehmen beschlossen."],
    ["fr", "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les petites entreprises touchées par la crise."],
    ["es", "El gobierno anunció el viernes nuevas medidas para apoyar a las pequeñas empresas afectadas por la crisis."],
    ["ar", "أعلنت الحكومة يوم الجمعة عن إجراءات جديدة لدعم الشركات الصغيرة المتضررة من الأزمة الاقتصادية."],
    // Short ru/uk pairs, some without і, ї, є or ґ to give Ukrainian away.
    ["ru", "Сейчас очень холодно на улице."],
    ["uk", "Зараз дуже холодно на вулиці."],
    ["ru", "Погода завтра будет теплая и солнечная."],
    ["uk", "Погода завтра буде тепла та сонячна."],
    ["ru", "Депутаты проголосовали за новый закон о налогах."],
    ["uk", "Депутати проголосували за новий закон про податки."],
  ])("detects %s: %s", async (language, text) => {
    expect(await detectLanguage(text)).toBe(language);
  });

  it.each([
    ["empty text", ""],
    ["whitespace", "  \n "],
    ["numbers and punctuation", "12 345, 67.8 — 90%"],
    ["two words", "Hello world."],
  ])("returns und for %s", async (_name, text) => {
    expect(await detectLanguage(text)).toBe("und");
  });
});
