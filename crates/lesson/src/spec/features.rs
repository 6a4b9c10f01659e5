//! A spec's input features (`"features": ["x1", "x2", "sin_x1", …]`, absent for the plain x):
//! their names checked, and the data's 2-D points turned into them (x and x_test), so the
//! network's input is the features ([`backstep_nn::features`] computes them).

use crate::spec::Spec;
use backstep_nn::data::Dataset;
use backstep_nn::error::SpecError;
use backstep_nn::features::{Feature, features};
use backstep_nn::message::Msg;

/// Every feature's name, for messages: `x1, x2, x1_sq, …`.
fn names() -> String {
    Feature::ALL.map(Feature::name).join(", ")
}

/// The features `names` name, in order: at least one, each known and named once.
pub fn parse(list: &[String]) -> Result<Vec<Feature>, SpecError> {
    if list.is_empty() {
        return Err(SpecError::new(
            "features",
            Msg::NoFeature { allowed: names() },
        ));
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, name) in list.iter().enumerate() {
        let f = Feature::parse(name).ok_or_else(|| {
            SpecError::new(
                format!("features[{i}]"),
                Msg::UnknownFeature {
                    name: name.clone(),
                    allowed: names(),
                },
            )
        })?;
        if out.contains(&f) {
            return Err(SpecError::new(
                format!("features[{i}]"),
                Msg::FeatureTwice { name: name.clone() },
            ));
        }
        out.push(f);
    }
    Ok(out)
}

/// Turns `data`'s points (x₁, x₂) into `spec`'s features, if it has any.
pub fn apply(spec: &Spec, data: &mut Dataset) -> Result<(), SpecError> {
    let Some(list) = &spec.features else {
        return Ok(());
    };
    let chosen = parse(list)?;
    if data.x.ncols() != 2 {
        return Err(SpecError::new(
            "features",
            Msg::FeaturesNeedTwoInputs {
                width: data.x.ncols(),
            },
        ));
    }
    data.x = features(&data.x, &chosen);
    if data.x_test.nrows() > 0 {
        data.x_test = features(&data.x_test, &chosen);
    } else {
        data.x_test = nalgebra::DMatrix::zeros(0, chosen.len());
    }
    Ok(())
}
